using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>Agents see a ticket's answers on the ticket page; what a customer path can carry about a survey is its state only.</summary>
public sealed class SurveyVisibilityTests : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private int ticketId;

    public SurveyVisibilityTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddSingleton<SurveyQueries>();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var team = new Team { Name = "Support" };
        var ana = new Agent { UserName = "ana@v.test", Email = "ana@v.test", DisplayName = "Ana", CreatedAt = DateTimeOffset.UtcNow };
        var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(team, ana, customer);
        await db.SaveChangesAsync();
        var ticket = new Ticket { Number = 1001, Subject = "Late order", CustomerId = customer.Id, Channel = TicketChannel.Email, Status = TicketStatus.Resolved };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        ticketId = ticket.Id;
        var now = DateTimeOffset.UtcNow;
        db.Add(new SurveyResponse
        {
            TicketId = ticket.Id, ResolvedAt = now.AddHours(-2), AgentId = ana.Id, TeamId = team.Id, Channel = TicketChannel.Email, Delivery = SurveyDelivery.Email,
            SentAt = now.AddHours(-1), ExpiresAt = now.AddDays(13), Csat = 1, Ces = 2, Reason = SurveyReasons.NotSolved, Comment = "<b>Still broken</b>", AnsweredAt = now,
        });
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public void TheTicketPagePanel_ShowsTheAnswerItsReasonAndComment_AndWhoIsCredited()
    {
        var panel = Render<TicketSurveys>(p => p.Add(c => c.TicketId, ticketId));

        panel.WaitForAssertion(() => panel.Find("[data-testid=survey-csat]").TextContent.ShouldContain("CSAT 1/5"));
        panel.Find("[data-testid=survey-ces]").TextContent.ShouldContain("CES 2/7");
        panel.Find("[data-testid=survey-reason]").TextContent.ShouldContain("My issue wasn't solved");
        // The customer's words as text, never as markup.
        panel.Find("[data-testid=survey-comment]").TextContent.ShouldBe("<b>Still broken</b>");
        panel.FindAll("[data-testid=survey-comment] b").ShouldBeEmpty();
        panel.Markup.ShouldContain("Credited to Ana (Support)");
    }

    [Fact]
    public void TheTicketPagePanel_SpeaksSpanish()
    {
        UseLanguage("es");

        var panel = Render<TicketSurveys>(p => p.Add(c => c.TicketId, ticketId));

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Encuesta de satisfacción"));
        panel.Markup.ShouldContain("No se resolvió mi problema");
    }

    [Fact]
    public void WhatACustomerPathCarriesAboutASurvey_IsItsTicketNumberAndState_NeverTheAnswerOrItsCredit()
    {
        typeof(CustomerSurvey).GetProperties().Select(p => p.Name).Order().ShouldBe(["Number", "State"]);
        typeof(CustomerSurveyResult).GetProperties().Select(p => p.Name).Order().ShouldBe(["Outcome", "Problems"]);
        typeof(CustomerSurveyProblem).GetProperties().Select(p => p.Name).Order().ShouldBe(["Code", "Field"]);
        CustomerView.Survey(1001, answered: true, expired: false).State.ShouldBe("answered");
        CustomerView.Survey(1001, answered: false, expired: true).State.ShouldBe("expired");
        CustomerView.Survey(1001, answered: false, expired: false).State.ShouldBe("open");
    }
}
