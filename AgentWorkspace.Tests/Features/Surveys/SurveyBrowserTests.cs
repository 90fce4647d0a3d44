using AgentWorkspace.Data;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>The customer answers in the real widget on the demo shop, or on the e-mailed link's page; agents see the answer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyBrowserTests(BrowserFixture browser)
{
    private T Service<T>() where T : notnull => browser.App.Services.GetRequiredService<T>();

    private async Task<AgentScope> AnaAsync()
    {
        await using var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ana = await db.Users.Where(u => u.Email == DemoAgents.AnaEmail).Select(u => u.Id).SingleAsync();
        return new AgentScope(ana, IsAdmin: true, []);
    }

    [Fact]
    public async Task AChatResolvedWhileTheWidgetIsOpen_AsksTheSurveyInline_AndTheAgentSeesTheAnswer()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        // An agent online: the widget offers a live chat.
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        var number = await widget.StartChatAsync($"Greta {id}", $"greta-{id}@example.com", $"My order is late ({id})");
        var ticket = await Chat.Chat.TicketAsync(browser, number);
        var ana = await AnaAsync();
        var tickets = Service<TicketService>();
        (await tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage($"It ships today ({id})", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        await Expect(widget.AgentMessage($"It ships today ({id})")).ToBeVisibleAsync();
        var status = (await Chat.Chat.TicketAsync(browser, number)).Status;

        (await tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(status, TicketStatus.Resolved))).Succeeded.ShouldBeTrue();

        var survey = widget.Root.GetByTestId("aw-survey");
        await Expect(survey).ToBeVisibleAsync();
        // A bad rating asks why: sending without a reason is refused, with the reason it is sent.
        await survey.Locator("label[for=aw-csat-2]").ClickAsync();
        await survey.GetByTestId("aw-survey-send").ClickAsync();
        await Expect(survey.GetByTestId("aw-survey-error")).ToContainTextAsync("what went wrong");
        await survey.GetByTestId("aw-reason").SelectOptionAsync("slow");
        await survey.Locator("label[for=aw-ces-3]").ClickAsync();
        await survey.GetByTestId("aw-survey-comment").FillAsync($"Took days ({id})");
        await survey.GetByTestId("aw-survey-send").ClickAsync();
        await Expect(widget.Root.GetByTestId("aw-survey-thanks")).ToBeVisibleAsync();
        await Expect(survey).ToBeHiddenAsync();

        await using (var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Set<SurveyResponse>().SingleAsync(s => s.TicketId == ticket.Id);
            (stored.Csat, stored.Ces, stored.Reason, stored.Delivery).ShouldBe((2, 3, SurveyReasons.Slow, SurveyDelivery.Widget));
        }

        // A reload does not ask again: the survey is answered.
        await visitor.Page.ReloadAsync();
        await widget.Launcher.ClickAsync();
        await Expect(widget.AgentMessage($"It ships today ({id})")).ToBeVisibleAsync();
        await Expect(widget.Root.GetByTestId("aw-survey")).ToBeHiddenAsync();
        visitor.ConsoleErrors.ShouldBeEmpty();

        await agent.OpenAsync($"/tickets/{number}");
        var panel = agent.Page.GetByTestId("ticket-surveys");
        await Expect(panel.GetByTestId("survey-csat")).ToContainTextAsync("2/5");
        await Expect(panel.GetByTestId("survey-comment")).ToHaveTextAsync($"Took days ({id})");
    }

    /// <summary>A survey for a resolved e-mail ticket of the demo data, as the job stores it, and its e-mailed link.</summary>
    private async Task<(int Number, string Path)> EmailSurveyAsync(string language)
    {
        await using var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var taken = await db.Set<SurveyResponse>().Select(s => s.TicketId).ToListAsync();
        var ticket = await db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.Channel == TicketChannel.Email && t.ResolvedAt != null && !taken.Contains(t.Id))
            .OrderBy(t => t.Id).FirstOrDefaultAsync();
        if (ticket is null)
        {
            // The demo's survey dice are rolled against today's date: on some days every resolved e-mail ticket already
            // has its survey. Then a new ticket, resolved through the service (no agent reply: no survey job of its own).
            var created = await new TicketTestData(browser.App.Services).CreateAsync();
            var resolved = await Service<TicketService>().ExecuteAsync(await AnaAsync(), created.Id, new SetStatus(TicketStatus.Open, TicketStatus.Resolved));
            resolved.Succeeded.ShouldBeTrue(resolved.Error);
            ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == created.Id);
        }
        var survey = new SurveyResponse
        {
            TicketId = ticket.Id, ResolvedAt = ticket.ResolvedAt!.Value, AgentId = ticket.AssigneeId, TeamId = ticket.TeamId, Channel = ticket.Channel,
            Delivery = SurveyDelivery.Email, Language = language, SentAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14),
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        return (ticket.Number, "/" + Service<SurveyLinks>().Path(survey, ticket.Number));
    }

    [Fact]
    public async Task TheEmailedLink_OpensTheSurveyPage_TakesOneAnswer_AndThenSaysAlreadyAnswered()
    {
        var (number, path) = await EmailSurveyAsync("en");
        await using var customer = await browser.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync(path);

        await Expect(page.GetByTestId("survey-page")).ToContainTextAsync($"#{number}");
        (await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme || 'light'")).ShouldBe("light");
        // Sent empty: a clear error beside the question, nothing lost.
        await page.GetByTestId("survey-comment").FillAsync("Keep this text");
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-error-csat")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("survey-comment")).ToHaveValueAsync("Keep this text");

        await page.Locator("label:has([data-testid=survey-csat-5])").ClickAsync();
        await page.Locator("label:has([data-testid=survey-ces-7])").ClickAsync();
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-thanks")).ToBeVisibleAsync();

        // The same link again: already answered, and the answer itself is not shown back.
        var again = await page.GotoAsync(path);
        again!.Status.ShouldBe(409);
        await Expect(page.GetByTestId("survey-already")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("survey-page")).Not.ToContainTextAsync("Keep this text");
    }

    [Fact]
    public async Task ASpanishCustomersLink_ShowsTheSurveyInSpanish_AndAForgedLinkIsRefused()
    {
        var (number, path) = await EmailSurveyAsync("es");
        await using var customer = await browser.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync(path);
        await Expect(page.GetByTestId("survey-page")).ToContainTextAsync("¿Qué tan fácil fue resolver tu problema?");

        var forged = path.Replace("?k=", "?k=x", StringComparison.Ordinal);
        var response = await page.GotoAsync(forged);
        response!.Status.ShouldBe(400);
        await Expect(page.GetByTestId("survey-link-problem")).ToBeVisibleAsync();
        var otherTicket = await page.GotoAsync(path.Replace($"/surveys/{number}?", $"/surveys/{number + 1}?", StringComparison.Ordinal));
        otherTicket!.Status.ShouldBe(400);
    }
}
