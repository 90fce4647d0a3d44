using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Surveys;

/// <summary>
/// One satisfaction survey sent for one resolution of a ticket, and the customer's answer once given. Created when the
/// survey is sent (the job that checked the rules), so "asked" and "answered" are both countable; one row per
/// (ticket, resolution): a reopened ticket resolved again may be asked again, the same resolution never twice.
/// The agent and team are those of the resolution, stored here, so a later reassignment does not move the credit.
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }

    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    /// <summary>The resolution this survey is about (<see cref="Ticket.ResolvedAt"/> at the time): its identity with <see cref="TicketId"/>.</summary>
    public DateTimeOffset ResolvedAt { get; set; }

    /// <summary>The assignee when the ticket was resolved: the agent the answer is credited to (none when unassigned).</summary>
    public string? AgentId { get; set; }
    public Agent? Agent { get; set; }

    /// <summary>The ticket's team when it was resolved.</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    public TicketChannel Channel { get; set; }

    /// <summary>How the customer is asked: inline in the chat widget, or by an e-mailed link (also shown in the portal).</summary>
    public SurveyDelivery Delivery { get; set; }

    /// <summary>"en" or "es": the customer's language when it was sent.</summary>
    public string Language { get; set; } = "en";

    public DateTimeOffset SentAt { get; set; }

    /// <summary>After this the survey takes no answer (links and the widget alike).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). Null until answered.</summary>
    public int? Csat { get; set; }

    /// <summary>Customer effort, 1 (very difficult) to 7 (very easy): "How easy was it to get your issue solved?". Optional.</summary>
    public int? Ces { get; set; }

    /// <summary>Why, when <see cref="Csat"/> is 1 or 2: one of <see cref="SurveyReasons.All"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>The customer's optional words (shared text policy, at most <see cref="SurveyAnswer.MaxCommentLength"/>).</summary>
    public string? Comment { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public bool IsAnswered => AnsweredAt is not null;
}

public enum SurveyDelivery
{
    Widget,
    Email,
}

/// <summary>The reasons a customer picks from when they rate 1 or 2 (stored as these codes; worded per language).</summary>
public static class SurveyReasons
{
    public const string Slow = "slow";
    public const string NotSolved = "not_solved";
    public const string Unclear = "unclear";
    public const string Repeat = "repeat";
    public const string Attitude = "attitude";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Slow, NotSolved, Unclear, Repeat, Attitude, Other];
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> survey)
    {
        survey.ToTable("SurveyResponses");
        survey.Ignore(s => s.IsAnswered);
        survey.HasIndex(s => new { s.TicketId, s.ResolvedAt }).IsUnique();
        // The metrics read answers by date, per agent and per team.
        survey.HasIndex(s => s.AnsweredAt);
        survey.HasIndex(s => new { s.AgentId, s.AnsweredAt });
        survey.HasIndex(s => new { s.TeamId, s.AnsweredAt });
        survey.Property(s => s.Language).HasMaxLength(8);
        survey.Property(s => s.Reason).HasMaxLength(20);
        survey.Property(s => s.Comment).HasMaxLength(SurveyAnswer.MaxCommentLength);
        survey.HasOne(s => s.Ticket).WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        survey.HasOne(s => s.Agent).WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.SetNull);
        survey.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
