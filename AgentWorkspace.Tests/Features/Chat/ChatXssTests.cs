using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The XSS corpus as customer messages, agent replies, internal notes and customer names, rendered in Chromium on both sides.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class ChatXssTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheXssCorpus_AsMessagesRepliesNotesAndNames_FiresNoScript_ForAgentsOrCustomers()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var chat = browser.App.Services.GetRequiredService<ChatService>();
        var tickets = browser.App.Services.GetRequiredService<TicketService>();
        var scope = await new LiveScenario(browser).ScopeOfAsync(DemoAgents.AdminEmail);
        var payloads = XssPayloads.All;
        payloads.Count.ShouldBeGreaterThanOrEqualTo(100);

        var session = (await chat.StartAsync(new ChatStart($"Corpus {run}", $"corpus.{run}@example.com", $"corpus {run}", "en", $"corpus-{run}"))).Value!;
        var conversation = (await chat.FindAsync(session.Token))!;
        for (var i = 0; i < payloads.Count; i++)
        {
            (await chat.SendAsync(conversation, $"x{i}", payloads[i])).Error.ShouldBeNull();
            (await tickets.AddAgentMessageAsync(scope, conversation.TicketId, new AgentMessage(payloads[i], MessageVisibility.Public))).Succeeded.ShouldBeTrue();
            (await tickets.AddAgentMessageAsync(scope, conversation.TicketId, new AgentMessage(payloads[i], MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        }
        for (var i = 0; i < payloads.Count; i++)
        {
            // Names are one line and the text policy refuses control characters there (TextPolicy tests): drop them here.
            var line = XssPayloads.WithoutControlCharacters(payloads[i]);
            var name = line.Length > ChatService.MaxNameLength ? line[..ChatService.MaxNameLength] : line;
            var named = await chat.StartAsync(new ChatStart(name, $"n{i}.{run}@example.com", $"xssname{run} {i}", "en", $"name-{run}-{i}"));
            named.Error.ShouldBeNull();
        }

        // The agent: the whole timeline, then every payload name in the inbox.
        await using var admin = await browser.NewPageAsync();
        await ArmAsync(admin.Page);
        await admin.SignInAsync(DemoAgents.AdminEmail);
        await admin.OpenAsync($"/tickets/{session.Conversation.Ticket.Number}");
        await Expect(admin.Page.Locator("[data-testid=timeline] li[data-seq]")).ToHaveCountAsync(1 + 3 * payloads.Count);
        await admin.OpenAsync("/");
        await admin.Page.GetByTestId("inbox-search").FillAsync($"xssname{run}");
        var seen = 0;
        while (true)
        {
            await Expect(admin.Page.Locator("[data-testid=inbox-row]").First).ToContainTextAsync($"xssname{run}");
            seen += await admin.Page.Locator("[data-testid=inbox-row]").CountAsync();
            var older = admin.Page.GetByTestId("page-older");
            if (await older.IsDisabledAsync())
            {
                break;
            }
            var firstRow = await admin.Page.Locator("[data-testid=inbox-row]").First.GetAttributeAsync("data-ticket");
            await older.ClickAsync();
            await Expect(admin.Page.Locator("[data-testid=inbox-row]").First).Not.ToHaveAttributeAsync("data-ticket", firstRow!);
        }
        seen.ShouldBe(payloads.Count);
        await AssertNothingFiredAsync(admin);

        // The customer: the widget's history of the same conversation (notes excluded by the projection).
        await using var customer = await browser.NewPageAsync();
        await ArmAsync(customer.Page);
        await customer.Page.AddInitScriptAsync(
            $"localStorage.setItem('agentworkspace:' + location.origin, JSON.stringify({{ token: '{session.Token}', ticketNumber: {session.Conversation.Ticket.Number} }}))");
        var widget = new CustomerWidget(customer.Page);
        await widget.OpenAsync();
        await Expect(widget.Messages.Locator("li.msg")).ToHaveCountAsync(1 + 2 * payloads.Count);
        await AssertNothingFiredAsync(customer);
    }

    /// <summary>Any script that runs leaves a trace: a dialog, window.__xss, or a console error.</summary>
    private static Task ArmAsync(IPage page) => page.AddInitScriptAsync("window.__xss = undefined;");

    private static async Task AssertNothingFiredAsync(AgentPage page)
    {
        page.Dialogs.ShouldBeEmpty();
        (await page.Page.EvaluateAsync<bool>("() => window.__xss === undefined && !window.parent.__xss")).ShouldBeTrue();
        // Images pointing at unreachable hosts may fail to load (no internet here); nothing else may reach the console.
        page.ConsoleErrors.Where(e => !e.Contains("Failed to load resource") && !e.Contains("ERR_NAME_NOT_RESOLVED") && !e.Contains("ERR_CONNECTION"))
            .ShouldBeEmpty();
    }
}
