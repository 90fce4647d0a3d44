using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Surveys;

/// <summary>What a customer sends back: from the survey page's form or the widget (the same rules for both).</summary>
public sealed record SurveyAnswer(int? Csat, int? Ces, string? Reason, string? Comment)
{
    public const int MaxCommentLength = 1000;

    /// <summary>CSAT from here up (4 and 5) is a satisfied customer: the CSAT score is their share of the answers.</summary>
    public const int SatisfiedFrom = 4;

    /// <summary>CSAT up to here (1 and 2) is a bad rating: it asks for a reason and tells the team.</summary>
    public const int BadUpTo = 2;

    public static bool IsBad(int csat) => csat <= BadUpTo;

    /// <summary>The answer as stored, or the problem (one per field, for the form to show beside it).</summary>
    public SurveyAnswerCheck Check()
    {
        var problems = new Dictionary<string, SurveyProblem>(StringComparer.Ordinal);
        if (Csat is not (>= 1 and <= 5))
        {
            problems["csat"] = SurveyProblem.CsatRequired;
        }
        if (Ces is { } ces && ces is < 1 or > 7)
        {
            problems["ces"] = SurveyProblem.CesOutOfRange;
        }
        string? reason = null;
        if (Csat is { } csat && IsBad(csat))
        {
            reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
            if (reason is null)
            {
                problems["reason"] = SurveyProblem.ReasonRequired;
            }
            else if (!SurveyReasons.All.Contains(reason, StringComparer.Ordinal))
            {
                problems["reason"] = SurveyProblem.ReasonUnknown;
            }
        }
        var comment = TextInput.Lines(Comment, "The comment", MaxCommentLength, required: false);
        if (!comment.IsValid)
        {
            problems["comment"] = comment.Problem == TextProblem.TooLong ? SurveyProblem.CommentTooLong : SurveyProblem.CommentInvalid;
        }
        return problems.Count > 0
            ? new SurveyAnswerCheck(null, problems)
            : new SurveyAnswerCheck(new SurveyAnswer(Csat, Ces, reason, comment.Value), problems);
    }
}

public sealed record SurveyAnswerCheck(SurveyAnswer? Clean, IReadOnlyDictionary<string, SurveyProblem> Problems)
{
    public bool IsValid => Clean is not null;
}

public enum SurveyProblem
{
    CsatRequired,
    CesOutOfRange,
    ReasonRequired,
    ReasonUnknown,
    CommentTooLong,
    CommentInvalid,
}
