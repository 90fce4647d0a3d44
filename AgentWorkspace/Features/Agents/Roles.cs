namespace AgentWorkspace.Features.Agents;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string KbEditor = "KbEditor";
    public const string KbReviewer = "KbReviewer";

    /// <summary>Leads a support team: sees the reports and the live dashboard, without the admin's settings.</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Agent, KbEditor, KbReviewer];
}
