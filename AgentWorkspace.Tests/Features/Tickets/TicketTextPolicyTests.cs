using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>Tags and categories set from the ticket page (TicketService commands) and new tickets' subjects: the shared text policy.</summary>
[Collection(TextPolicyCollection.Name)]
public sealed class TicketTextPolicyTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public async Task ATagCategoryOrSubjectThatShowsAsNothingOrHidesAControl_IsRefused_AndNothingChanges(string label)
    {
        var bad = BadText.RefusedText(label);
        var ticket = await Data.CreateAsync(subject: "Set category first");
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetCategory(null, "Billing"))).Succeeded.ShouldBeTrue();

        var tag = await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag(bad));
        var category = await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetCategory("Billing", bad));
        var created = await Data.Tickets.CreateTicketAsync(new NewTicket(ticket.CustomerId, bad, "Body", TicketChannel.Email));

        tag.Outcome.ShouldBe(CommandOutcome.Invalid, label);
        created.Outcome.ShouldBe(CommandOutcome.Invalid, label);
        created.Error.ShouldNotBeNull().ShouldContain("subject");
        var stored = await Data.ReadAsync(ticket.Id);
        stored.Tags.ShouldBeEmpty(label);
        if (string.IsNullOrWhiteSpace(bad))
        {
            // A blank category clears it, as the ticket page's empty choice does.
            category.Succeeded.ShouldBeTrue(label);
            stored.Category.ShouldBeNull();
        }
        else
        {
            category.Outcome.ShouldBe(CommandOutcome.Invalid, label);
            category.Error.ShouldNotBeNull().ShouldContain("category");
            stored.Category.ShouldBe("Billing", label);
        }
    }

    [Fact]
    public async Task TagsCategoriesAndSubjects_AreStoredComposedAndClean()
    {
        var ticket = await Data.CreateAsync(subject: "\u200BCafe\u0301  order\t");
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag("Cafe\u0301 VIP\u200B"))).Succeeded.ShouldBeTrue();
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetCategory(null, " Facturacio\u0301n\u00A0y  pagos "))).Succeeded.ShouldBeTrue();

        var stored = await Data.ReadAsync(ticket.Id);
        stored.Subject.ShouldBe("Café order");
        stored.Tags.Single().Tag.ShouldBe("café-vip");
        stored.Category.ShouldBe("Facturación y pagos");
        // The decomposed and the composed spelling are one tag.
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag("café vip"))).Succeeded.ShouldBeTrue();
        (await Data.ReadAsync(ticket.Id)).Tags.ShouldHaveSingleItem();
    }
}
