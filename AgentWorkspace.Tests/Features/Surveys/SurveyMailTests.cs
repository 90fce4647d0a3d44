using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>The survey e-mail: in the customer's language, carrying the survey's link (not the portal's), marked automatic.</summary>
public sealed class SurveyMailTests
{
    private static readonly Uri Link = new("https://support.example.com/help/surveys/1234?k=abc&lang=es");

    private static MimeMessage Compose(string language)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var composer = new CustomerMailComposer(services.GetRequiredService<IStringLocalizer<CustomerMailStrings>>());
        var ticket = new Ticket
        {
            Id = 7, Number = 1234, Subject = "Refund", Status = TicketStatus.Resolved, Channel = TicketChannel.Email,
            Customer = new Customer { Name = "Ola", Email = "ola@customer.example", Language = language },
        };
        var mail = CustomerView.Mail(ticket, CustomerMailKind.Survey, null, null).ShouldNotBeNull();
        return composer.Compose(mail, new MailboxAddress("Nimbus", "support@nimbus.example"), "Nimbus", new MailThread("<a@b>", null, []), Link);
    }

    [Fact]
    public void ASurveyEmail_InEnglish_AsksHowWeDid_WithTheSurveyLink()
    {
        var message = Compose("en");

        message.Subject.ShouldBe("How did we do? Refund [#1234]");
        message.TextBody!.ShouldContain("Answer the survey:\n" + Link.AbsoluteUri);
        message.HtmlBody!.ShouldContain("href=\"https://support.example.com/help/surveys/1234?k=abc&amp;lang=es\"");
        message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
    }

    [Fact]
    public void ASurveyEmail_ToASpanishCustomer_IsInSpanish()
    {
        var message = Compose("es");

        message.Subject.ShouldBe("¿Qué tal lo hicimos? Refund [#1234]");
        message.TextBody!.ShouldContain("Responder la encuesta:");
        message.TextBody!.ShouldContain("Resolvimos el ticket #1234.");
    }
}
