using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The real widget in Chromium while the server stops and starts again on the same port and database.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(ReconnectCollection.Name)]
public sealed class WidgetRestartTests : RestartTest
{
    [Fact]
    public async Task MessagesTypedWhileTheServerIsDown_AndRepliesSentWhileTheWidgetIsAway_AllArriveOnce_InOrder()
    {
        var first = StartApp();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = first.ServerAddress.ToString() });
        var page = await context.NewPageAsync();
        var widget = new CustomerWidget(page);
        await widget.OpenAsync();
        // Nobody is signed in, so this is the leave-a-message path; the chat continues on it like any other.
        await widget.Root.Locator("#aw-name").FillAsync("Restart Customer");
        await widget.Root.Locator("#aw-email").FillAsync("restart@example.com");
        await widget.Root.Locator("#aw-question").FillAsync("Before the restart");
        await widget.StartForm.Locator("button[type=submit]").ClickAsync();
        await Expect(widget.Root).Not.ToHaveAttributeAsync("data-ticket", "");
        var number = int.Parse((await widget.Root.GetAttributeAsync("data-ticket"))!);
        await ReplyAsync(first, number, "Reply before the restart");
        await Expect(widget.AgentMessage("Reply before the restart")).ToBeVisibleAsync();

        await first.DisposeAsync();
        await Expect(widget.Root).Not.ToHaveAttributeAsync("data-state", "connected");
        await widget.Input.FillAsync("Typed while down 1");
        await widget.Input.PressAsync("Enter");
        await widget.Input.FillAsync("Typed while down 2");
        await widget.Input.PressAsync("Enter");
        await Expect(widget.Messages.Locator("li.pending")).ToHaveCountAsync(2);

        await using var second = StartApp();
        second.ServerAddress.Port.ShouldBe(Port);
        await ReplyAsync(second, number, "Reply while the widget was away");

        await Expect(widget.Root).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        await Expect(widget.Messages.Locator("li.pending")).ToHaveCountAsync(0);
        await Expect(widget.Messages.Locator("li.msg")).ToHaveCountAsync(5);
        var shown = await widget.Messages.Locator("li.msg .body").AllInnerTextsAsync();
        shown.Select(t => t.Trim()).ShouldBe([
            "Before the restart", "Reply before the restart", "Typed while down 1", "Typed while down 2", "Reply while the widget was away",
        ], ignoreOrder: true);
        var seqs = await widget.Messages.Locator("li.msg").EvaluateAllAsync<int[]>("items => items.map(i => Number(i.dataset.seq))");
        seqs.ShouldBe(seqs.Order().ToArray());

        await using var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var bodies = await db.Messages.Where(m => m.Ticket.Number == number).OrderBy(m => m.Seq).Select(m => m.Body).ToListAsync();
        bodies.Count(b => b == "Typed while down 1").ShouldBe(1);
        bodies.Count(b => b == "Typed while down 2").ShouldBe(1);
        bodies.IndexOf("Typed while down 1").ShouldBeLessThan(bodies.IndexOf("Typed while down 2"));
        await context.CloseAsync();
    }

    private static async Task ReplyAsync(WorkspaceAppFactory app, int number, string body)
    {
        var data = new TicketTestData(app.Services);
        var scope = await data.ScopeAsync(DemoAgents.AdminEmail);
        await using var db = await data.DbAsync();
        var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        (await app.Services.GetRequiredService<TicketService>().AddAgentMessageAsync(scope, ticketId, new AgentMessage(body, MessageVisibility.Public))).Succeeded.ShouldBeTrue();
    }

}
