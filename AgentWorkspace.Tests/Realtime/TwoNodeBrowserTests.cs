using AgentWorkspace.Data;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>
/// Two app nodes, one database, one Redis: what happens on one node reaches agents and widgets on the other, live.
/// Without <c>Redis:Connection</c> each node only hears itself and every cross-node expectation here times out.
/// </summary>
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeBrowserTests(TwoNodeFixture nodes)
{
    [Fact]
    public async Task AnAgentOnNodeA_SeesLive_ACustomerMessageAndATeammatesChange_MadeOnNodeB_AndTheySeeEachOtherViewing()
    {
        var a = nodes.NodeA.ServerAddress;
        var b = nodes.NodeB.ServerAddress;
        await using var ana = await nodes.NewPageAsync(a);
        await ana.SignInAsync(DemoAgents.AnaEmail);
        // Presence crosses: node B, where the customer is, knows Ana is online on node A, so its widget offers a chat.
        await WaitUntilAsync(() => nodes.NodeB.Services.GetRequiredService<PresenceTracker>().Get(AgentId(DemoAgents.AnaEmail)).IsOnline);

        await using var customer = await nodes.NewPageAsync(b);
        var widget = new CustomerWidget(customer.Page);
        await widget.OpenAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var number = await widget.StartChatAsync($"Two Nodes {id}", $"two.nodes.{id}@example.com", $"First question {id}");

        await ana.OpenAsync($"/tickets/{number}");
        await Expect(ana.Page.TimelineMessage($"First question {id}")).ToBeVisibleAsync();

        await widget.SendAsync($"Arrived on node B {id}");

        await Expect(ana.Page.TimelineMessage($"Arrived on node B {id}")).ToHaveAttributeAsync("data-kind", "customer");

        await ana.Page.GetByTestId("composer-input").FillAsync($"Answered on node A {id}");
        await ana.Page.GetByTestId("composer-send").ClickAsync();

        await Expect(widget.AgentMessage($"Answered on node A {id}")).ToBeVisibleAsync();

        await using var lucas = await nodes.NewPageAsync(b);
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        await lucas.OpenAsync($"/tickets/{number}");

        await Expect(ana.Page.GetByTestId("viewers").Locator(".aw-viewer[data-agent='Lucas Martín']")).ToBeVisibleAsync();
        await Expect(lucas.Page.GetByTestId("viewers").Locator(".aw-viewer[data-agent='Ana García']")).ToBeVisibleAsync();

        await lucas.Page.GetByTestId("composer-input").FillAsync("Let me take a look");

        await Expect(ana.Page.GetByTestId("viewers").Locator(".aw-viewer.typing[data-agent='Lucas Martín']")).ToBeVisibleAsync();

        await lucas.Page.ChooseAsync("prop-priority", "High");

        await Expect(ana.Page.SelectInput("prop-priority")).ToHaveValueAsync("High");
        await Expect(ana.Page.TimelineEvent("Lucas Martín changed priority from Normal to High")).ToBeVisibleAsync();
        ana.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenItsNodeDies_AWidgetCustomerReconnectsToTheOtherNode_AndLosesNothing()
    {
        var a = nodes.NodeA.ServerAddress;
        var nodeC = await nodes.StartNodeAsync();
        // The balancer in front of the nodes: the customer's page and hub connection go to node C until it dies.
        await using var balancer = new TcpForwarder(nodeC.ServerAddress.Port);
        await using var ana = await nodes.NewPageAsync(a);
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await WaitUntilAsync(() => nodeC.Services.GetRequiredService<PresenceTracker>().Get(AgentId(DemoAgents.AnaEmail)).IsOnline);
        await using var customer = await nodes.NewPageAsync(balancer.Address);
        var widget = new CustomerWidget(customer.Page);
        await widget.OpenAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var number = await widget.StartChatAsync($"Failover {id}", $"failover.{id}@example.com", $"Started on node C {id}");
        await ana.OpenAsync($"/tickets/{number}");
        await ReplyAsync(nodes.NodeA, number, $"Reply before {id}");
        await Expect(widget.AgentMessage($"Reply before {id}")).ToBeVisibleAsync();
        await widget.SendAsync($"Sent to node C {id}");
        await Expect(ana.Page.TimelineMessage($"Sent to node C {id}")).ToBeVisibleAsync();

        balancer.SwitchTo(a.Port);
        await nodeC.DisposeAsync();
        await ReplyAsync(nodes.NodeA, number, $"Reply while reconnecting {id}");

        await Expect(widget.Root).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        await widget.SendAsync($"Sent to node A {id}");
        await ReplyAsync(nodes.NodeA, number, $"Reply after {id}");

        string[] expected =
        [
            $"Started on node C {id}", $"Reply before {id}", $"Sent to node C {id}", $"Reply while reconnecting {id}",
            $"Sent to node A {id}", $"Reply after {id}",
        ];
        await Expect(widget.AgentMessage($"Reply after {id}")).ToBeVisibleAsync();
        await Expect(widget.Messages.Locator("li.msg")).ToHaveCountAsync(expected.Length);
        var shown = await widget.Messages.Locator("li.msg .body").AllInnerTextsAsync();
        shown.Select(t => t.Trim()).ShouldBe(expected);
        await Expect(ana.Page.TimelineMessage($"Sent to node A {id}")).ToBeVisibleAsync();

        await using var db = await nodes.NodeA.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Messages.Where(m => m.Ticket.Number == number).OrderBy(m => m.Seq).Select(m => m.Body).ToListAsync();
        stored.ShouldBe(expected, ignoreOrder: false, "every message acknowledged to anyone is stored once, in order");
    }

    private string AgentId(string email)
    {
        using var scope = nodes.NodeA.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).Single();
    }

    private static async Task ReplyAsync(WorkspaceAppFactory node, int number, string body)
    {
        var data = new TicketTestData(node.Services);
        var scope = await data.ScopeAsync(DemoAgents.AdminEmail);
        await using var db = await data.DbAsync();
        var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        (await node.Services.GetRequiredService<TicketService>().AddAgentMessageAsync(scope, ticketId, new AgentMessage(body, MessageVisibility.Public)))
            .Succeeded.ShouldBeTrue();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 15 s");
            }
            await Task.Delay(20);
        }
    }
}
