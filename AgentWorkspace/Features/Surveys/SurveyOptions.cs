namespace AgentWorkspace.Features.Surveys;

/// <summary>Surveys: when they are sent and for how long they take an answer (configuration section "Surveys").</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>Turns surveys off altogether (nothing is scheduled; surveys already sent can still be answered).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long after the resolution a ticket answered by e-mail (or web form, or any channel but a live chat) is asked:
    /// long enough for the customer to see the solution work, or to reply and reopen it (then nobody is asked).
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// After a chat is resolved: by default at once, so a customer still looking at the widget is asked there and then.
    /// A chat whose customer left before is asked when they come back to the widget (and by e-mail if the chat was an
    /// offline message, answered by e-mail).
    /// </summary>
    public TimeSpan ChatDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long a sent survey takes an answer, by link or in the widget.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The tag that marks a ticket as spam: no survey is sent for it. The workspace has no other spam mark; an agent tags
    /// the ticket (tags are normalized to lower case).
    /// </summary>
    public string SpamTag { get; set; } = "spam";
}
