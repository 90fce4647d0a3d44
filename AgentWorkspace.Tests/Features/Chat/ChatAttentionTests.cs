using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>What pulls an agent to a new chat: the unread badge, and (opted in) a browser notification with a sound.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class ChatAttentionTests(BrowserFixture browser)
{
    // Records what the page asks of the browser, so the test sees the notification and the tone without a desktop or speakers.
    private const string Spy = """
        window.__alerts = [];
        window.Notification = class { constructor(title, options) { window.__alerts.push({ kind: "notification", title, body: options && options.body }); }
            static get permission() { return "granted"; } static requestPermission() { return Promise.resolve("granted"); } };
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (...args) { window.__alerts.push({ kind: "tone" }); return start.apply(this, args); };
        """;

    [Fact]
    public async Task ANewChat_RaisesTheOptedInAlertAndTheUnreadBadge_WhichClearsOnceTheAgentOpensIt()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var ana = await browser.NewPageAsync();
        await ana.Page.AddInitScriptAsync(Spy);
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.Page.GetByTestId("chat-badge-button").ClickAsync();
        await ana.Page.GetByTestId("chat-alerts-toggle").ClickAsync();
        await Expect(ana.Page.GetByTestId("chat-alerts-toggle")).ToBeCheckedAsync();
        var unreadBefore = await UnreadAsync(ana.Page);

        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        var number = await widget.StartChatAsync("Alert Alba", $"alba.{id}@example.com", $"Is anyone there? ({id})");

        await Expect(ana.Page.GetByTestId("chat-badge-button")).ToHaveAttributeAsync("aria-label", $"Chats, {unreadBefore + 1} unread");
        await Expect(ana.Page.GetByTestId("chat-unread-count")).ToBeVisibleAsync();
        await Expect(ana.Page.GetByTestId("chat-panel")).ToContainTextAsync($"#{number} Alert Alba");
        var alerts = await AlertsAsync(ana.Page);
        alerts.ShouldContain(a => a.kind == "notification" && a.title == "New chat from Alert Alba" && a.body!.Contains($"#{number}"));
        alerts.ShouldContain(a => a.kind == "tone");

        await ana.OpenAsync($"/tickets/{number}");
        await Expect(ana.Page.GetByTestId("chat-badge-button")).ToHaveAttributeAsync("aria-label", $"Chats, {unreadBefore} unread");
    }

    [Fact]
    public async Task WithoutOptingIn_ANewChatOnlyMovesTheBadge()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var lucas = await browser.NewPageAsync();
        await lucas.Page.AddInitScriptAsync(Spy);
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        var unreadBefore = await UnreadAsync(lucas.Page);

        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        await widget.StartChatAsync("Quiet Quim", $"quim.{id}@example.com", $"Hello ({id})");

        await Expect(lucas.Page.GetByTestId("chat-badge-button")).ToHaveAttributeAsync("aria-label", $"Chats, {unreadBefore + 1} unread");
        (await AlertsAsync(lucas.Page)).ShouldBeEmpty();
    }

    private static async Task<int> UnreadAsync(IPage page)
    {
        var label = await page.GetByTestId("chat-badge-button").GetAttributeAsync("aria-label");
        return int.Parse(label!.Split(' ')[1]);
    }

    private static async Task<Alert[]> AlertsAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<Alert[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__alerts)"))!;

#pragma warning disable IDE1006, CS8981 // shaped like the page's records
    public sealed record Alert(string kind, string? title, string? body);
#pragma warning restore IDE1006, CS8981
}
