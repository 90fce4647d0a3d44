using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Automation;

/// <summary>What the editor asks for an action's value.</summary>
public enum RuleValueKind
{
    None,

    /// <summary>One line of text (a tag, a category).</summary>
    Text,

    /// <summary>Several lines (an internal note).</summary>
    LongText,

    /// <summary>One of <see cref="IRuleAction.ChoicesAsync"/>.</summary>
    Choice,
}

/// <summary>
/// The extension point for what rules can do: one implementation per action kind, registered in DI as a singleton
/// (<c>services.AddSingleton&lt;IRuleAction, MyAction&gt;()</c>). The editor, validation, the preview and the live
/// engine find every kind through it, so a feature adds an action (auto-assign by skills, send a canned reply) by
/// registering one class, without touching this folder. Labels and descriptions are in the agent's language (the
/// current UI culture: inject the feature's own <c>IStringLocalizer</c>).
/// </summary>
public interface IRuleAction
{
    /// <summary>Stored in the rule's JSON; never change it once rules use it ("set-priority", "canned-reply").</summary>
    string Kind { get; }

    /// <summary>Where it sits in the editor's list of actions (lower first).</summary>
    int Order { get; }

    RuleValueKind ValueKind { get; }

    /// <summary>Whether a rule may use it more than once (two tags: yes; two priorities: no, that is a mistake).</summary>
    bool Repeatable => false;

    /// <summary>"Set priority", in the agent's language.</summary>
    string Label { get; }

    /// <summary>The values to choose from when <see cref="ValueKind"/> is <see cref="RuleValueKind.Choice"/>.</summary>
    Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default);

    /// <summary>The value as stored (cleaned), or an error in the agent's language. Runs when a rule is saved.</summary>
    Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default);

    /// <summary>"Set priority to High", in the agent's language, for the rule list and the preview.</summary>
    Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the action would do to the ticket as it is now, or null when it would change nothing (the ticket already has
    /// that priority). Must not change anything: the preview calls it too.
    /// </summary>
    RulePlan? Plan(RuleTicket ticket, string? value);
}

/// <summary>A checked action value: the value to store, or why it is refused.</summary>
public sealed record RuleValueCheck(string? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static RuleValueCheck Ok(string? value) => new(value, null);

    public static RuleValueCheck Fail(string error) => new(null, error);
}

/// <summary>
/// What one action does to one ticket. <see cref="Commands"/> are ticket changes: all the rule's commands are applied as
/// one atomic change through <see cref="TicketService.ExecuteAsRuleAsync"/>, together with the record that the rule
/// fired (so they happen exactly once). <see cref="Effect"/> (a note, a notification, a message) runs right after that
/// commit, once: a crash in between loses it rather than repeating it.
/// </summary>
public sealed record RulePlan(IReadOnlyList<TicketCommand> Commands, Func<RuleRun, CancellationToken, Task>? Effect = null);

/// <summary>
/// One firing of a rule on one trigger, for an action's <see cref="RulePlan.Effect"/>: the rule (name it in what you
/// write), the ticket and a key unique to this firing and action (use it as a client message id, so a retried message
/// is not posted twice).
/// </summary>
public sealed record RuleRun(RuleAttribution Rule, int TicketId, int TicketNumber, string Subject, string IdempotencyKey, AutomationHistory History);
