using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>A customer on the demo shop and an agent in the workspace, each in their own browser.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class ChatWidgetTests(BrowserFixture browser)
{
    [Fact]
    public async Task CustomerAndAgent_ChatBothWays_WithTypingAgentNameAndLiveStatus_AndTheNoteNeverReachesTheCustomer()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        await Expect(widget.Status).ToHaveTextAsync("Connected — we're here to help.");
        await Expect(widget.Panel).Not.ToContainTextAsync("away");

        var number = await widget.StartChatAsync("Paula Chat", $"paula.{id}@example.com", $"My candle order never arrived ({id})");

        await Expect(widget.TicketLine).ToContainTextAsync($"Ticket #{number} · Open");
        var row = ana.Page.InboxRow(number);
        await Expect(row).ToBeVisibleAsync();
        await ana.OpenAsync($"/tickets/{number}");
        await Expect(ana.Page.TimelineMessage($"My candle order never arrived ({id})")).ToBeVisibleAsync();

        // Agent types a reply: the customer sees who is typing.
        var composer = ana.Page.GetByTestId("composer-input");
        await composer.FillAsync("Let me look");
        await Expect(widget.Typing).ToHaveTextAsync("Ana García is typing…");
        await composer.FillAsync($"Sorry about that! **Checking** the courier now ({id}).");
        await ana.Page.GetByTestId("composer-send").ClickAsync();

        var reply = widget.AgentMessage($"Checking the courier now ({id})");
        await Expect(reply).ToBeVisibleAsync();
        await Expect(reply.Locator(".who")).ToHaveTextAsync("Ana García");
        await Expect(reply.Locator("strong")).ToHaveTextAsync("Checking");
        await Expect(widget.Typing).ToBeHiddenAsync();
        await Expect(widget.TicketLine).ToContainTextAsync("In progress");

        // Customer types and answers: the agent sees both live.
        await widget.Input.FillAsync("It was order 4411");
        await Expect(ana.Page.GetByTestId("customer-typing")).ToContainTextAsync("Paula Chat is typing");
        await widget.SendAsync($"It was order 4411 ({id})");
        await Expect(ana.Page.TimelineMessage($"It was order 4411 ({id})")).ToBeVisibleAsync();

        // An internal note, typed and sent: no typing indicator and no note for the customer, then a reply that does arrive.
        await ana.Page.GetByTestId("mode-note").ClickAsync();
        await composer.FillAsync($"SECRET courier claim ref ({id})");
        await ana.Page.GetByTestId("composer-send").ClickAsync();
        await Expect(ana.Page.TimelineMessage($"SECRET courier claim ref ({id})")).ToBeVisibleAsync();
        await ana.Page.GetByTestId("mode-reply").ClickAsync();
        await composer.FillAsync($"Found it: it arrives tomorrow ({id}).");
        await ana.Page.GetByTestId("composer-send").ClickAsync();
        await Expect(widget.AgentMessage($"it arrives tomorrow ({id})")).ToBeVisibleAsync();

        (await widget.Root.InnerHTMLAsync()).ShouldNotContain("SECRET");
        (await widget.Messages.InnerTextAsync()).ShouldNotContain("SECRET");
        visitor.ConsoleErrors.ShouldBeEmpty();

        // Status changes reach the widget live.
        await ana.Page.ChooseAsync("prop-status", "Resolved");
        await Expect(widget.TicketLine).ToContainTextAsync("Resolved");
    }

    [Fact]
    public async Task TheConversation_SurvivesAReload_AndOpensInANewTab()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var lucas = await browser.NewPageAsync();
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        var number = await widget.StartChatAsync("Reload Rita", $"reload.{id}@example.com", $"First question ({id})");
        await widget.SendAsync($"Second line ({id})");
        var ticket = await Chat.TicketAsync(browser, number);
        var scope = await new LiveScenario(browser).ScopeOfAsync(DemoAgents.LucasEmail);
        (await browser.App.Services.GetRequiredService<TicketService>()
            .AddAgentMessageAsync(scope, ticket.Id, new AgentMessage($"Agent answer ({id})", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        await Expect(widget.AgentMessage($"Agent answer ({id})")).ToBeVisibleAsync();

        await visitor.Page.ReloadAsync();
        await widget.Launcher.ClickAsync();

        await Expect(widget.Messages.Locator("li.msg")).ToHaveCountAsync(3);
        await Expect(widget.Message($"First question ({id})")).ToBeVisibleAsync();
        await Expect(widget.AgentMessage($"Agent answer ({id})")).ToBeVisibleAsync();
        await Expect(widget.TicketLine).ToContainTextAsync($"#{number}");

        var secondTab = new CustomerWidget(await visitor.Context.NewPageAsync());
        await secondTab.OpenAsync();
        await Expect(secondTab.Message($"Second line ({id})")).ToBeVisibleAsync();
        await secondTab.SendAsync($"From the other tab ({id})");
        await Expect(widget.Message($"From the other tab ({id})")).ToBeVisibleAsync();
        await Expect(widget.Messages.Locator("li.msg")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task WithNoAgentOnline_TheCustomerLeavesAMessage_WhichBecomesATicket()
    {
        var chat = browser.App.Services.GetRequiredService<ChatService>();
        await Chat.WaitUntilAsync(() => !chat.AgentsAvailable(), "every agent's circuit from earlier tests has closed");
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();

        await Expect(widget.StartForm).ToHaveAttributeAsync("data-mode", "offline");
        // One state, not two: no "Connected — we're here to help." above "We're away right now".
        await Expect(widget.Status).ToHaveTextAsync("We're away right now.");
        await Expect(widget.Panel).Not.ToContainTextAsync("here to help");
        await Expect(widget.Panel.GetByText("away", new() { Exact = false })).ToHaveCountAsync(1);
        await widget.Root.Locator("#aw-name").FillAsync("Night Owl");
        await widget.Root.Locator("#aw-question").FillAsync($"Do you ship to the Canary Islands? ({id})");
        await widget.StartForm.Locator("button[type=submit]").ClickAsync();
        await Expect(widget.StartForm.Locator(".error")).ToContainTextAsync("e-mail");
        await Expect(widget.Root.Locator("#aw-question")).ToHaveValueAsync($"Do you ship to the Canary Islands? ({id})");

        await widget.Root.Locator("#aw-email").FillAsync($"owl.{id}@example.com");
        await widget.StartForm.Locator("button[type=submit]").ClickAsync();

        await Expect(widget.Root.GetByTestId("aw-notice")).ToContainTextAsync("Your message is ticket #");
        await Expect(widget.Status).ToHaveTextAsync("We're away right now.");
        var number = int.Parse((await widget.Root.GetAttributeAsync("data-ticket"))!);
        var ticket = await Chat.TicketAsync(browser, number);
        ticket.Channel.ShouldBe(TicketChannel.Chat);
        ticket.Subject.ShouldStartWith("Offline message: Do you ship to the Canary Islands?");
        ticket.Customer.Email.ShouldBe($"owl.{id}@example.com");

        await using var ben = await browser.NewPageAsync();
        await ben.SignInAsync(DemoAgents.BenEmail);
        await Expect(ben.Page.InboxRow(number)).ToBeVisibleAsync();
    }
}
