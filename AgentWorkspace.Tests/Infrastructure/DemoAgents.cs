namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>The demo sign-ins seeded into every test database (and listed in README).</summary>
public static class DemoAgents
{
    public const string Password = "Demo!Pass2026";

    public const string AdminEmail = "admin@nimbus.test";
    public const string AnaEmail = "ana@nimbus.test";
    public const string BenEmail = "ben@nimbus.test";
    public const string RitaEmail = "rita@nimbus.test";
    public const string LucasEmail = "lucas@nimbus.test";
}
