namespace AgentWorkspace.Features.Agents;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string KbEditor = "KbEditor";
    public const string KbReviewer = "KbReviewer";

    public static readonly IReadOnlyList<string> All = [Admin, Agent, KbEditor, KbReviewer];
}
