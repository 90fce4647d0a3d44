namespace AgentWorkspace.Features.Sla;

/// <summary>The timed rules' settings (appsettings section "Sla").</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A ticket Resolved this many days without a customer reply is closed (0 turns the rule off).</summary>
    public double AutoCloseResolvedAfterDays { get; set; } = 4;

    /// <summary>The assignee is reminded of a ticket Waiting on customer or On hold for this many days (0 turns it off).</summary>
    public double RemindAfterDays { get; set; } = 3;
}
