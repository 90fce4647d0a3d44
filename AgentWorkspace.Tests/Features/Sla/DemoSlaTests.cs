using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>The demo on the real clock (whatever the day and hour the tests run at).</summary>
[Collection(AppCollection.Name)]
public sealed class DemoSlaTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task TheDemoTickets_ShowEverySlaState_AtAnyTimeOfTheWeek() => await DemoSlaStates.ShouldShowEveryStateAsync(app);
}
