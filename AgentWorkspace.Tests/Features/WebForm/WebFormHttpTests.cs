using System.Net;
using System.Text;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>The request form over HTTP, as a browser without JavaScript uses it: what becomes a ticket, what is refused and how.</summary>
[Collection(WebFormCollection.Name)]
public sealed class WebFormHttpTests(WebFormFixture fixture)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    [Fact]
    public async Task AValidRequest_BecomesAWebFormTicket_WithItsCategoryTeamPriorityAndFile()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("kim");
        var fields = WebFormClient.Valid(email);
        fields["category"] = "payments-billing";
        fields["urgency"] = "blocked";

        var sent = await client.SendAsync(fields, ("screenshot.png", "image/png", Png));

        sent.Status.ShouldBe(HttpStatusCode.Redirect);
        sent.Location.ShouldStartWith("/help/new/sent?receipt=");
        var ticket = (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();
        ticket.Channel.ShouldBe(TicketChannel.WebForm);
        ticket.Subject.ShouldBe("My payouts stopped");
        ticket.Category.ShouldBe("Payments & billing");
        ticket.Team!.Name.ShouldBe("Billing & Accounts");
        ticket.Priority.ShouldBe(TicketPriority.High);
        ticket.Customer.Name.ShouldBe("Kim Lee");
        await using var db = await fixture.Tickets.DbAsync();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticket.Id);
        message.AuthorKind.ShouldBe(AuthorKind.Customer);
        message.Body.ShouldBe("Since Monday no payout reached my bank account.");
        var file = await db.MessageAttachments.AsNoTracking().SingleAsync(a => a.MessageId == message.Id);
        (file.FileName, file.ContentType).ShouldBe(("screenshot.png", "image/png"));
        file.Content.ShouldBe(Png);

        var confirmation = await client.Http.GetStringAsync(sent.Location);
        confirmation.ShouldContain($"Your ticket number is #{ticket.Number}.");
    }

    [Theory]
    [InlineData("question", TicketPriority.Low)]
    [InlineData("problem", TicketPriority.Normal)]
    [InlineData("blocked", TicketPriority.High)]
    [InlineData("urgent", null)]
    public async Task Urgency_MapsToAPriority_AndACustomerCanNeverAskForUrgent(string urgency, TicketPriority? expected)
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("urgency");
        var fields = WebFormClient.Valid(email);
        fields["urgency"] = urgency;

        var sent = await client.SendAsync(fields);

        if (expected is null)
        {
            sent.Status.ShouldBe(HttpStatusCode.BadRequest);
            sent.ErrorOf("urgency").ShouldBe("Choose how much it affects you.");
            (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
        }
        else
        {
            (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem().Priority.ShouldBe(expected.Value);
        }
    }

    [Fact]
    public async Task TheHoneypot_CreatesNothing_AndAnswersLikeASuccessWithoutANumber()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("bot");
        var fields = WebFormClient.Valid(email);
        fields["website"] = "http://spam.example";

        var sent = await client.SendAsync(fields);

        sent.Status.ShouldBe(HttpStatusCode.Redirect);
        sent.Location.ShouldBe("/help/new/sent");
        WebUtility.HtmlDecode(await client.Http.GetStringAsync(sent.Location)).ShouldContain("We'll e-mail you a confirmation with your ticket number.");
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
        await using var db = await fixture.Tickets.DbAsync();
        (await db.Customers.AnyAsync(c => c.NormalizedEmail == CustomerEmail.Normalize(email))).ShouldBeFalse();
    }

    [Fact]
    public async Task AMissingOrForgedStamp_IsAskedToSendAgain_KeepsTheText_AndCreatesNothing()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("forged");
        var fields = WebFormClient.Valid(email);
        fields["shown"] = "not-a-stamp";

        var sent = await client.SendAsync(fields);

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.Banner.ShouldBe("That was quick! Please check your request and send it again.");
        sent.ValueOf("email").ShouldBe(email);
        sent.Description.ShouldBe(fields["description"]);
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndCreatesNothing()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("csrf");
        var hidden = await client.OpenAsync();
        hidden.Remove("__RequestVerificationToken").ShouldBeTrue();

        var sent = await client.PostAsync(hidden, WebFormClient.Valid(email));

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnInvalidEmail_IsAClearError_TiedToItsField_AndEverythingTypedIsKept()
    {
        using var client = fixture.NewClient();
        var fields = WebFormClient.Valid("kim at example");
        fields["name"] = "Kim \"The Boss\" Lee";
        fields["description"] = "Line one\nLine two with <b>tags</b> & ampersands";

        var sent = await client.SendAsync(fields);

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.ErrorOf("email").ShouldBe("That doesn't look like an e-mail address. Check it, e.g. name@example.com.");
        sent.Html.ShouldContain("aria-describedby=\"wf-email-hint wf-email-error\"");
        sent.Html.ShouldContain("id=\"wf-email-error\"");
        sent.ValueOf("email").ShouldBe("kim at example");
        sent.ValueOf("name").ShouldBe("Kim \"The Boss\" Lee");
        sent.ValueOf("subject").ShouldBe("My payouts stopped");
        sent.Description.ShouldBe("Line one\nLine two with <b>tags</b> & ampersands");
    }

    [Fact]
    public async Task SpanishVisitors_GetTheirErrorsInSpanish()
    {
        using var client = fixture.NewClient();
        var fields = WebFormClient.Valid("");
        fields["lang"] = "es";
        fields["subject"] = "";

        var sent = await client.SendAsync(fields);

        sent.ErrorOf("email").ShouldBe("Escribe tu correo electrónico para que podamos responderte.");
        sent.ErrorOf("subject").ShouldBe("Escribe un asunto: unas palabras sobre tu solicitud.");
    }

    [Fact]
    public async Task ControlCharactersInvisibleTextAndOversizedText_AreRefusedByTheSharedTextPolicy()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("policy");
        var fields = WebFormClient.Valid(email);
        fields["name"] = "Kim\u202ELee";
        fields["subject"] = "\u200B\u200B\u200D";
        fields["description"] = new string('a', 10_001);

        var sent = await client.SendAsync(fields);

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.ErrorOf("name").ShouldBe("This field contains an invisible control character; remove it and try again.");
        sent.ErrorOf("subject").ShouldBe("This field has no visible characters.");
        sent.ErrorOf("description").ShouldBe("This field allows at most 10,000 characters (it has 10,001).");
        sent.Description.Length.ShouldBe(10_001);
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOversizedFile_IsAClearError_TheTextIsKept_AndTheFilesAreAskedForAgain()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("big");
        var fields = WebFormClient.Valid(email);
        var big = new byte[WebFormFixture.MaxFileBytes + 1];
        Png.CopyTo(big, 0);

        var sent = await client.SendAsync(fields, ("small.png", "image/png", Png), ("huge.png", "image/png", big));

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.ErrorOf("attachments").ShouldBe("“huge.png” is 195.4 KB; each file can be at most 195.3 KB.");
        sent.Description.ShouldBe(fields["description"]);
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("setup.exe", "application/octet-stream", "MZ\u0090\0\u0003")]
    [InlineData("invoice.png", "image/png", "<html><script>alert(1)</script></html>")]
    [InlineData("drawing.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public async Task AFileTheAttachmentPolicyDoesNotRecognise_IsRefusedByName(string name, string type, string content)
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("type");

        var sent = await client.SendAsync(WebFormClient.Valid(email), (name, type, Encoding.UTF8.GetBytes(content)));

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.ErrorOf("attachments").ShouldStartWith($"“{name}” can't be attached: we accept images");
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MoreFilesThanAllowed_AreRefused()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("many");
        var files = Enumerable.Range(1, 6).Select(i => ($"shot{i}.png", "image/png", Png)).ToArray();

        var sent = await client.SendAsync(WebFormClient.Valid(email), files);

        sent.ErrorOf("attachments").ShouldBe("You can attach at most 5 files.");
        (await fixture.TicketsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SendingTheSameFormTwice_MakesOneTicket()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("twice");
        var hidden = await client.OpenAsync();

        var first = await client.PostAsync(hidden, WebFormClient.Valid(email));
        var second = await client.PostAsync(hidden, WebFormClient.Valid(email));

        first.Status.ShouldBe(HttpStatusCode.Redirect);
        second.Status.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AnAddressAlone_NeverJoinsAVerifiedCustomer_ButAReturningUnverifiedOneIsReused()
    {
        var email = WebFormClient.NewAddress("verified");
        await using (var db = await fixture.Tickets.DbAsync())
        {
            db.Customers.Add(new Customer { Name = "Verified Vera", Email = email, IsVerified = true, ExternalId = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        using var client = fixture.NewClient();

        await client.SendAsync(WebFormClient.Valid(email));
        await client.SendAsync(WebFormClient.Valid("  " + email.ToUpperInvariant() + " "));

        var tickets = await fixture.TicketsOfAsync(email);
        tickets.Count.ShouldBe(2);
        tickets.Select(t => t.CustomerId).Distinct().ShouldHaveSingleItem();
        tickets[0].Customer.IsVerified.ShouldBeFalse();
        tickets[0].Customer.Name.ShouldBe("Kim Lee");
    }

    [Fact]
    public async Task ScriptInEveryField_IsStoredAsTyped_AndShownBackAsText()
    {
        using var client = fixture.NewClient();
        var email = WebFormClient.NewAddress("xss");
        var payload = string.Join("\n", XssPayloads.All.Where(p => !p.Contains('\0')));
        var fields = WebFormClient.Valid(email);
        fields["name"] = "<script>alert(1)</script>";
        fields["subject"] = "\"><img src=x onerror=alert(1)>";
        fields["description"] = payload;

        // Refused once (a bad category): the form comes back with every payload in it, encoded.
        fields["category"] = "<svg onload=alert(1)>";
        var refused = await client.SendAsync(fields);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Html.ShouldNotContain("<script>alert(1)</script>");
        refused.Html.ShouldNotContain("<img src=x onerror=alert(1)>");
        refused.Html.ShouldNotContain("<svg onload");
        refused.ValueOf("name").ShouldBe("<script>alert(1)</script>");
        refused.Description.ShouldBe(payload);

        fields["category"] = "other";
        (await client.SendAsync(fields)).Status.ShouldBe(HttpStatusCode.Redirect);
        var ticket = (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();
        ticket.Subject.ShouldBe("\"><img src=x onerror=alert(1)>");
        ticket.Customer.Name.ShouldBe("<script>alert(1)</script>");
        await using var db = await fixture.Tickets.DbAsync();
        (await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticket.Id)).Body.ShouldBe(payload.Trim());
    }
}
