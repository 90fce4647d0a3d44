using System.Text;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>A customer's journey through the request form in Chromium, and what agents and the customer's mailbox get.</summary>
[Collection(WebFormCollection.Name)]
public sealed class WebFormBrowserTests(WebFormFixture fixture)
{
    [Fact]
    public async Task ACustomer_SeesSuggestions_AttachesAFile_AndSends_ThenAgentsSeeTheTicketLive_AndTheCustomerGetsTheNumberByEmail()
    {
        var email = WebFormClient.NewAddress("journey");
        var subject = KbTestData.Unique("Labels for my orders");
        await using var agent = await fixture.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AdminEmail);
        await Expect(agent.Page.GetByTestId("inbox-list")).ToBeVisibleAsync();

        await using var visitor = await fixture.NewPageAsync();
        var page = visitor.Page;
        await page.GotoAsync("/help");
        await page.GetByTestId("help-request-link").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send us a request" })).ToBeVisibleAsync();

        await page.GetByLabel("Your name").FillAsync("Jordan Pike");
        await page.GetByLabel("Your e-mail address").FillAsync(email);
        await page.GetByLabel("What is it about?").SelectOptionAsync("orders-shipping");
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("How can we help?").PressSequentiallyAsync("how do I print shipping labels");

        var suggestion = page.GetByTestId("webform-suggestion").Filter(new() { HasText = "Print shipping labels" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion).ToHaveAttributeAsync("target", "_blank");
        IPage article = null!;
        var opened = await page.RunAndWaitForResponseAsync(
            async () => article = await page.RunAndWaitForPopupAsync(() => suggestion.ClickAsync()),
            response => response.Url.Contains("/help/new/suggestions/opened", StringComparison.Ordinal));
        opened.Status.ShouldBe(204);
        await Expect(article.Locator("h1")).ToContainTextAsync("Print shipping labels");
        await article.CloseAsync();
        await Expect(page.GetByLabel("How can we help?")).ToHaveValueAsync("how do I print shipping labels");

        await page.GetByLabel("It stops me from working or selling").CheckAsync();
        var csv = Encoding.UTF8.GetBytes("order,labels\n1001,0\n");
        await page.GetByLabel("Attachments").SetInputFilesAsync(new FilePayload { Name = "orders.csv", MimeType = "text/csv", Buffer = csv });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        var number = page.GetByTestId("webform-ticket-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Your ticket number is #\d+\.$"));
        var ticket = (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();
        await Expect(number).ToHaveTextAsync($"Your ticket number is #{ticket.Number}.");
        ticket.Channel.ShouldBe(TicketChannel.WebForm);
        ticket.Subject.ShouldBe(subject);
        ticket.Priority.ShouldBe(TicketPriority.High);
        ticket.Category.ShouldBe("Orders & shipping");
        ticket.Customer.Name.ShouldBe("Jordan Pike");
        await using (var db = await fixture.Tickets.DbAsync())
        {
            var message = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticket.Id);
            message.Body.ShouldBe("how do I print shipping labels");
            var file = await db.MessageAttachments.AsNoTracking().SingleAsync(a => a.MessageId == message.Id);
            (file.FileName, file.ContentType).ShouldBe(("orders.csv", "text/plain"));
            file.Content.ShouldBe(csv);
            // The list the customer saw is tied to the ticket: they opened an article and sent their request anyway.
            (await db.SuggestionRequests.AsNoTracking().SingleAsync(r => r.TicketId == ticket.Id)).Outcome.ShouldBe(SuggestionOutcome.SentAnyway);
        }

        await Expect(agent.Page.Locator($"[data-testid=inbox-row][data-ticket='{ticket.Number}']")).ToContainTextAsync(subject);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("how do I print shipping labels");
        await Expect(agent.Page.GetByTestId("attachments")).ToContainTextAsync("orders.csv");

        var received = (await fixture.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == email))).Single();
        (received.Message.Subject ?? "").ShouldContain($"[#{ticket.Number}]");
        received.Text.ShouldContain($"opened ticket #{ticket.Number}");
    }

    [Fact]
    public async Task TheFormWithErrorsAndSuggestions_PassesAxe_AndTiesEachErrorToItsField()
    {
        await using var visitor = await fixture.NewPageAsync();
        var page = visitor.Page;
        await page.GotoAsync("/help/new?lang=es");
        // The browser's own checks would stop a bad address before the server sees it; this test is about the server's answer.
        await page.EvaluateAsync("() => document.querySelector('form[data-webform]').noValidate = true");
        await page.GetByLabel("Tu correo electrónico").FillAsync("nadie en ningún sitio");
        await page.GetByLabel("¿En qué podemos ayudarte?").FillAsync("how do I print shipping labels");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();

        var emailError = page.GetByTestId("webform-error-email");
        await Expect(emailError).ToHaveTextAsync("Eso no parece una dirección de correo. Revísala, p. ej. nombre@ejemplo.com.");
        await Expect(page.GetByLabel("Tu correo electrónico")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Tu correo electrónico")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Eso no parece una dirección de correo"));
        await Expect(page.GetByLabel("Asunto")).ToHaveAccessibleDescriptionAsync("Escribe un asunto: unas palabras sobre tu solicitud.");
        await Expect(page.GetByLabel("¿En qué podemos ayudarte?")).ToHaveValueAsync("how do I print shipping labels");
        // The form came back with text in it: the suggestions for it are there again.
        await Expect(page.GetByTestId("webform-suggestion").First).ToBeVisibleAsync();

        // The summary's links lead to the fields.
        await page.GetByTestId("webform-errors").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#wf-email$"));

        var violations = await AgentWorkspace.Tests.Accessibility.Axe.CheckAsync(page, "help-request-form-errors", "light");
        violations.ShouldBeEmpty(string.Join("\n", violations));
        // The page itself came with a 400 (the request was refused), which Chromium logs; nothing else may be.
        visitor.ConsoleErrors.Where(e => !e.Contains("status of 400", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutJavaScript_TheFormStillSends()
    {
        var email = WebFormClient.NewAddress("nojs");
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.ServerAddress.ToString(), JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/help/new");
            await page.GetByLabel("Your e-mail address").FillAsync(email);
            await page.GetByLabel("Subject").FillAsync("No script here");
            await page.GetByLabel("How can we help?").FillAsync("My browser runs no JavaScript.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
            await Expect(page.GetByTestId("webform-ticket-number")).ToContainTextAsync("Your ticket number is #");
            (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem().Priority.ShouldBe(TicketPriority.Normal);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task ScriptSentThroughTheForm_IsInertOnTheAgentsTicketPage()
    {
        var email = WebFormClient.NewAddress("xss");
        using (var client = fixture.NewClient())
        {
            var fields = WebFormClient.Valid(email);
            fields["name"] = "<img src=x onerror=alert(1)>";
            fields["subject"] = "<script>window.__xss=1</script>";
            fields["description"] = string.Join("\n\n", XssPayloads.All.Where(p => !p.Contains('\0')));
            (await client.SendAsync(fields)).Status.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }
        var ticket = (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();

        await using var agent = await fixture.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AdminEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("alert(1)");
        await Expect(agent.Page.Locator("body")).ToContainTextAsync("<script>window.__xss=1</script>");

        (await agent.Page.EvaluateAsync<bool>("() => typeof window.__xss !== 'undefined'")).ShouldBeFalse();
        (await agent.Page.Locator("[data-testid=timeline] script, [data-testid=timeline] img[onerror]").CountAsync()).ShouldBe(0);
        agent.Dialogs.ShouldBeEmpty();
        agent.ConsoleErrors.Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
