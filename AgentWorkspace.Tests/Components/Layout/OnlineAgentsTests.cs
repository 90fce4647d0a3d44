using AgentWorkspace.Components.Layout;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Components.Layout;

/// <summary>The sidebar's team list, on the real presence tracker and live backbone over a SQLite file.</summary>
public sealed class OnlineAgentsTests : ComponentTest
{
    private readonly TempDatabase database = new();

    public OnlineAgentsTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddSingleton<PresenceBoard>();
        Services.AddSingleton<PresenceTracker>();
        using var db = database.CreateContext();
        db.Database.Migrate();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private string AddAgent(string displayName)
    {
        using var db = database.CreateContext();
        var id = Guid.NewGuid().ToString();
        db.Users.Add(new Agent { Id = id, UserName = $"{id}@nimbus.test", Email = $"{id}@nimbus.test", DisplayName = displayName });
        db.SaveChanges();
        return id;
    }

    [Fact]
    public void ANameThatLooksLikeMarkup_IsShownAsText_NeverAsElements()
    {
        const string name = "<img src=x onerror=alert(1)> Eve \"quoted\" & co";
        AddAgent(name);

        var list = Render<OnlineAgents>();

        var item = list.WaitForElement("[data-testid=online-agents] li");
        item.GetAttribute("data-agent").ShouldBe(name);
        item.QuerySelectorAll("img").ShouldBeEmpty();
        item.QuerySelectorAll("span")[1].TextContent.ShouldBe(name);
        item.QuerySelector(".aw-visually-hidden")!.TextContent.ShouldBe("Offline");
    }

    [Fact]
    public async Task AnAgentWhoseCircuitComesUp_TurnsOnlineLive_WithTheirStateSaidToScreenReaders()
    {
        var ana = AddAgent("Ana García");
        AddAgent("Ben Okafor");
        var list = Render<OnlineAgents>();
        list.WaitForElement("li[data-agent='Ana García'] .aw-presence-dot.offline");

        await Services.GetRequiredService<PresenceTracker>().CircuitUpAsync("circuit-1", ana);

        list.WaitForAssertion(() => list.Find("li[data-agent='Ana García'] .aw-presence-dot").ClassList.ShouldContain("online"), TimeSpan.FromSeconds(5));
        list.Find("li[data-agent='Ana García'] .aw-visually-hidden").TextContent.ShouldBe("Online");
        list.Find("li[data-agent='Ben Okafor'] .aw-presence-dot").ClassList.ShouldContain("offline");
    }
}
