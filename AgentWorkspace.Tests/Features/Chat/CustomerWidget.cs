using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The customer's side: the widget on the demo shop, driven through its shadow DOM like a visitor would.</summary>
public sealed class CustomerWidget(IPage page)
{
    public IPage Page => page;
    public ILocator Root => page.Locator("#agentworkspace-widget");
    public ILocator Launcher => Root.Locator("button.launcher");
    public ILocator Messages => Root.Locator("ol.messages");
    public ILocator Typing => Root.Locator("p.typing");
    public ILocator TicketLine => Root.Locator("span.ticket");
    public ILocator StartForm => Root.Locator("form.start");
    public ILocator Input => Root.Locator("textarea.input");
    public ILocator Panel => Root.Locator("section.panel");

    /// <summary>The line under the header: connecting, connected, away (no agent online) or offline.</summary>
    public ILocator Status => Root.Locator("p.status");

    public async Task OpenAsync(string path = "/demo/shop.html")
    {
        await page.GotoAsync(path);
        await Launcher.ClickAsync();
        await Expect(Root).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task<int> StartChatAsync(string name, string email, string message)
    {
        await Expect(StartForm).ToHaveAttributeAsync("data-mode", "chat");
        await Root.Locator("#aw-name").FillAsync(name);
        await Root.Locator("#aw-email").FillAsync(email);
        await Root.Locator("#aw-question").FillAsync(message);
        await StartForm.Locator("button[type=submit]").ClickAsync();
        await Expect(Root).Not.ToHaveAttributeAsync("data-ticket", "");
        return int.Parse((await Root.GetAttributeAsync("data-ticket"))!);
    }

    public async Task SendAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
        await Expect(Message(text)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bpending\b"));
    }

    public ILocator Message(string text) => Messages.Locator("li.msg", new() { HasText = text });

    public ILocator AgentMessage(string text) => Messages.Locator("li.msg.agent", new() { HasText = text });
}
