namespace AgentWorkspace.Features.Dashboard;

public sealed class DashboardStrings;
