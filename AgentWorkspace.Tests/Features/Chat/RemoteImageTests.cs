using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>
/// A Markdown image in a message is a tracking pixel: whoever's browser loads it tells the sender who read the
/// message and when. Neither the agent's ticket page nor the widget on a customer's site may fetch one.
/// </summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class RemoteImageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ImagesInMessages_AreShownAsLinks_AndNoBrowserFetchesThem_NeitherTheAgentsNorTheCustomers()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var trap = new ConnectionTrap();
        var at = $"127.0.0.1:{trap.Port}";
        // https as well as http: the old policy let https images through on the workspace's own pages.
        var customerBody = $"My receipt ({id}) ![receipt {id}](https://{at}/receipt.png) ![](http://{at}/pixel.gif) " +
            $"![ref {id}][r] ![proto {id}](//{at}/proto.png)\n\n[r]: https://{at}/ref.png";
        var agentBody = $"Thanks ({id}) ![logo {id}](https://{at}/logo.png) ![plain {id}](http://{at}/plain.png)";

        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail); // an agent online: the widget offers a live chat

        // The customer, on a website of their own (no Content-Security-Policy of ours to fall back on).
        await using var shop = new HostPageServer(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another shop</title></head>" +
            $"<body><h1>Another shop</h1><script src=\"{browser.BaseAddress}widget/widget.js\" async></script></body></html>");
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync(shop.Address.ToString());
        var number = await widget.StartChatAsync("Pixel Pat", $"pixel.{id}@example.com", customerBody);
        var ticket = await Chat.TicketAsync(browser, number);
        var scope = await new LiveScenario(browser).ScopeOfAsync(DemoAgents.AnaEmail);
        (await new LiveScenario(browser).Tickets.AddAgentMessageAsync(scope, ticket.Id, new AgentMessage(agentBody, MessageVisibility.Public)))
            .Succeeded.ShouldBeTrue();
        await Expect(widget.AgentMessage($"Thanks ({id})")).ToBeVisibleAsync();
        await Expect(widget.Message($"My receipt ({id})")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bpending\b"));

        await ana.OpenAsync($"/tickets/{number}");
        await Expect(ana.Page.TimelineMessage($"Thanks ({id})")).ToBeVisibleAsync();
        await Expect(ana.Page.TimelineMessage($"My receipt ({id})")).ToBeVisibleAsync();

        // Any image either page made has finished loading or failing, so its connection has reached the trap.
        await SettleImagesAsync(visitor.Page);
        await SettleImagesAsync(ana.Page);
        trap.Connections.ShouldBeEmpty("no browser may contact the image's host");

        foreach (var page in new[] { visitor.Page, ana.Page })
        {
            var scopeRoot = page == visitor.Page ? widget.Messages : page.GetByTestId("timeline");
            await Expect(scopeRoot.Locator("img")).ToHaveCountAsync(0);
            await Expect(scopeRoot.Locator("a", new() { HasText = $"receipt {id}" })).ToHaveAttributeAsync("href", $"https://{at}/receipt.png");
            await Expect(scopeRoot.Locator("a", new() { HasText = $"ref {id}" })).ToHaveAttributeAsync("href", $"https://{at}/ref.png");
            await Expect(scopeRoot.Locator("a", new() { HasText = $"http://{at}/pixel.gif" })).ToHaveCountAsync(1);
            await Expect(scopeRoot.Locator("a", new() { HasText = $"logo {id}" })).ToHaveAttributeAsync("rel", new System.Text.RegularExpressions.Regex("noreferrer"));
            await Expect(scopeRoot).ToContainTextAsync($"proto {id}");
        }
    }

    /// <summary>Waits until every image in the page and in the widget's shadow root has loaded or failed.</summary>
    private static Task SettleImagesAsync(IPage page) => page.EvaluateAsync(
        """
        async () => {
          const widget = document.querySelector('#agentworkspace-widget');
          const images = [...document.images, ...(widget && widget.shadowRoot ? widget.shadowRoot.querySelectorAll('img') : [])];
          await Promise.all(images.map(i => i.complete ? null : new Promise(done => { i.addEventListener('load', done); i.addEventListener('error', done); })));
        }
        """);
}
