using System.Net;
using System.Text;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>What an e-mail brings besides its words: HTML that must stay inert, and files that agents download safely.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailContentTests(EmailFixture email)
{
    private static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    [Fact]
    public async Task HtmlMail_WithScriptsTrackersAndBadLinks_IsInertOnTheTicketPage_AndItsQuotedHistoryIsCollapsed()
    {
        await using var trap = new ConnectionTrap();
        var remote = $"http://127.0.0.1:{trap.Port}";
        var message = Mail.From(NewAddress("hana"), "HTML trouble", "");
        message.Body = new TextPart("html")
        {
            Text = $$"""
                <html><head><style>body { background: url({{remote}}/bg.png); }</style><script>alert('head')</script></head>
                <body onload="alert('onload')">
                <p>Hello from <b>HTML</b> mail</p>
                <script>alert('script')</script>
                <img src="x" onerror="alert('onerror')">
                <img src="{{remote}}/pixel.png" alt="tracking pixel" width="1" height="1">
                <p><a href="javascript:alert('link')">click me</a> or <a href="{{remote}}/safe">the safe link</a></p>
                <iframe src="{{remote}}/frame"></iframe>
                <svg onload="alert('svg')"><circle r="5"/></svg>
                <form action="{{remote}}/steal"><input name="password"></form>
                <div class="gmail_quote">On Mon, 1 Dec 2026, Support wrote:<blockquote type="cite">The earlier QUOTEDMARK message</blockquote></div>
                </body></html>
                """,
        };
        await email.Mail.SendAsync(message);
        var stored = await email.WaitForStoredAsync(message.MessageId);
        stored.Body.ShouldNotBeNull();
        stored.Body.ShouldNotContain("<");
        stored.Body.ShouldNotContain("QUOTEDMARK");
        stored.Quoted.ShouldNotBeNull();
        stored.Quoted.ShouldContain("QUOTEDMARK");

        await using var agent = await email.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AdminEmail);
        await agent.OpenAsync($"/tickets/{stored.Number}");
        var timeline = agent.Page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Hello from HTML mail");

        // What the e-mail's text renders to (the timeline's own icons are SVGs of ours).
        var rendered = timeline.Locator(".aw-markdown");
        (await rendered.CountAsync()).ShouldBeGreaterThan(0);
        (await rendered.Locator("script, img, iframe, svg, form, input, style, object, embed").CountAsync()).ShouldBe(0);
        (await agent.Page.Locator("[data-testid=timeline] script").CountAsync()).ShouldBe(0);
        (await timeline.Locator("a[href^='javascript' i]").CountAsync()).ShouldBe(0);
        await Expect(timeline.GetByText("click me")).ToBeVisibleAsync();
        await Expect(timeline.GetByRole(AriaRole.Link, new() { Name = "the safe link" })).ToHaveAttributeAsync("href", $"{remote}/safe");
        // The tracking pixel is a link to click, never an image to load.
        await Expect(timeline.GetByRole(AriaRole.Link, new() { Name = "Image: tracking pixel" })).ToBeVisibleAsync();

        var quoted = timeline.GetByTestId("mail-quoted");
        await Expect(quoted).Not.ToHaveAttributeAsync("open", "");
        await Expect(quoted.GetByText("QUOTEDMARK", new() { Exact = false })).Not.ToBeVisibleAsync();
        await quoted.Locator("summary").ClickAsync();
        await Expect(quoted.GetByText("QUOTEDMARK", new() { Exact = false })).ToBeVisibleAsync();

        agent.Dialogs.ShouldBeEmpty();
        trap.Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Attachments_AreStoredAsCheckedTypes_OverSizeOnesNamed_AndOnlyAgentsWhoSeeTheTicketDownloadThem()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var fakePdf = Encoding.UTF8.GetBytes("<html><body><script>alert('pdf')</script></body></html>");
        var builder = new BodyBuilder { TextBody = "Receipts attached." };
        builder.Attachments.Add("receipt.pdf", pdf, new ContentType("application", "pdf"));
        builder.Attachments.Add("invoice.pdf", fakePdf, new ContentType("application", "pdf"));
        builder.Attachments.Add("page.html", Encoding.UTF8.GetBytes("<script>alert('html')</script>"), new ContentType("text", "html"));
        builder.Attachments.Add("big.zip", new byte[300_000], new ContentType("application", "zip"));
        var message = Mail.From(NewAddress("ivan"), "Receipts", "");
        message.Body = builder.ToMessageBody();
        await email.Mail.SendAsync(message);
        var stored = await email.WaitForStoredAsync(message.MessageId);

        await using var db = await email.Data.DbAsync();
        var files = await db.MessageAttachments.AsNoTracking().Where(a => a.MessageId == stored.MessageId).ToDictionaryAsync(a => a.FileName);
        files.Keys.Order().ShouldBe(["invoice.pdf", "page.html", "receipt.pdf"]);
        files["receipt.pdf"].ContentType.ShouldBe("application/pdf");
        files["invoice.pdf"].ContentType.ShouldBe("application/octet-stream");
        files["page.html"].ContentType.ShouldBe("application/octet-stream");
        files["receipt.pdf"].Content.ShouldBe(pdf);
        stored.Body!.ShouldContain("big.zip");

        using var admin = new FormClient(email.App.ServerAddress);
        (await admin.SignInAsync(DemoAgents.AdminEmail, DemoAgents.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var download = await admin.Http.GetAsync($"/attachments/{files["invoice.pdf"].Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("invoice.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(fakePdf);

        // Ben works only Technical Support tickets: this Billing ticket is not his to see, nor its files.
        using var ben = new FormClient(email.App.ServerAddress);
        await ben.SignInAsync(DemoAgents.BenEmail, DemoAgents.Password);
        (await ben.Http.GetAsync($"/attachments/{files["receipt.pdf"].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = new FormClient(email.App.ServerAddress);
        var refused = await anonymous.Http.GetAsync($"/attachments/{files["receipt.pdf"].Id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/login");

        await using var agent = await email.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AdminEmail);
        await agent.OpenAsync($"/tickets/{stored.Number}");
        var links = agent.Page.GetByTestId("attachment");
        await Expect(links).ToHaveCountAsync(3);
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "receipt.pdf" })).ToHaveAttributeAsync("href", $"/attachments/{files["receipt.pdf"].Id}");
    }
}
