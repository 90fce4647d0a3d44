namespace AgentWorkspace.Features.Automation;

/// <summary>Settings of the rule runner (appsettings section "Automation").</summary>
public sealed class AutomationOptions
{
    public const string Section = "Automation";

    /// <summary>
    /// At most this many rule firings per ticket in any hour: beyond it rules stop acting on the ticket and its history
    /// says so once. A guard against a storm (a customer's mail loop, rules that keep answering each other).
    /// </summary>
    public int MaxFiringsPerTicketPerHour { get; set; } = 20;
}
