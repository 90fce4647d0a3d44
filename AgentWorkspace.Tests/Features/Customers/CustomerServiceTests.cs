using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>The customer directory's rules on the real services and a real SQLite file: search, edits with history, uniqueness.</summary>
[Collection(CustomerCollection.Name)]
public sealed class CustomerServiceTests(WorkspaceAppFactory app)
{
    private readonly CustomerWorld world = new(app.Services);

    [Fact]
    public async Task Search_FindsACustomerByNameAnyEmailPhoneOrCompany_IgnoringCaseAndAccents()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("zq");
        var id = await world.CreateCustomerAsync(ana, $"José Muñoz {tag}", $"jose.{tag}@example.com", "+34 611 222 333", $"Acmé {tag} Ltd");
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Email, $"pepe.{tag}@other.example")).Succeeded.ShouldBeTrue();
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Phone, "(0034) 955-44-33-22")).Succeeded.ShouldBeTrue();

        foreach (var search in new[] { $"munoz {tag}", $"JOSÉ {tag}", $"pepe.{tag}@other", $"acme {tag}", $"{tag} ltd" })
        {
            (await world.Queries.ListAsync(ana, search, null)).Rows.Select(r => r.Id).ShouldBe([id], search);
        }
        foreach (var phone in new[] { "611 222 333", "34611222", "955-44-33", "0034955443322" })
        {
            (await world.Queries.ListAsync(ana, phone, null)).Rows.Select(r => r.Id).ShouldContain(id, phone);
        }
        var row = (await world.Queries.ListAsync(ana, tag, null)).Rows.ShouldHaveSingleItem();
        row.Emails.ShouldBe([$"jose.{tag}@example.com", $"pepe.{tag}@other.example"]);
        (await world.Queries.LookupAsync($"pepe.{tag}")).Select(o => o.Id).ShouldBe([id]);
    }

    [Fact]
    public async Task TheList_PagesWithAKeyset_NeitherRepeatingNorSkippingACustomer()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("pg");
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await world.CreateCustomerAsync(ana, $"Pager {i}", phone: $"+1 555 000 {i:D4}", company: tag));
        }

        var seen = new List<int>();
        int? after = null;
        var pages = 0;
        do
        {
            var page = await world.Queries.ListAsync(ana, tag, after, pageSize: 2);
            seen.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(ids.OrderByDescending(i => i));
        var browse = await world.Queries.ListAsync(ana, null, null, pageSize: 3);
        browse.Rows.Count.ShouldBe(3);
        (await world.Queries.ListAsync(ana, null, browse.Next, pageSize: 3)).Rows.Select(r => r.Id).ShouldAllBe(id => id < browse.Next);
    }

    [Fact]
    public async Task AnEdit_RecordsEveryChangedField_WithWhoAndOldAndNewValues()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("Edith "), phone: "+44 20 7946 0000");
        var before = await world.ReadAsync(id);

        var result = await world.Customers.UpdateAsync(ana, id, before.Version,
            new CustomerEdit("Edith Piaf", "Chanson SA", "es", IsVip: true, Notes: "Prefers calls after 5 pm."));

        result.Succeeded.ShouldBeTrue(result.Error);
        var profile = (await world.Queries.ProfileAsync(ana, id))!;
        profile.Customer.Name.ShouldBe("Edith Piaf");
        profile.Customer.IsVip.ShouldBeTrue();
        var changes = profile.History.Where(h => h.Field != "Created").ToDictionary(h => h.Field);
        changes.Keys.ShouldBe(["Name", "Company", "Language", "VIP", "Notes"], ignoreOrder: true);
        changes["Name"].ShouldBe(changes["Name"] with { OldValue = before.Name, NewValue = "Edith Piaf", ActorName = "Ana García" });
        changes["VIP"].OldValue.ShouldBe("No");
        changes["VIP"].NewValue.ShouldBe("Yes");
        changes["Company"].OldValue.ShouldBeNull();

        var unchanged = await world.Customers.UpdateAsync(ana, id, result.Version!.Value, new CustomerEdit("Edith Piaf", "Chanson SA", "es", true, "Prefers calls after 5 pm."));
        unchanged.Succeeded.ShouldBeTrue();
        (await world.Queries.ProfileAsync(ana, id))!.History.Count.ShouldBe(profile.History.Count);
    }

    [Fact]
    public async Task AnEditOnAStaleVersion_IsAConflict_AndChangesNothing()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("Stale "), phone: "+44 20 7946 0001");
        var version = (await world.ReadAsync(id)).Version;
        (await world.Customers.UpdateAsync(ana, id, version, new CustomerEdit("First Edit", null, "en", false, null))).Succeeded.ShouldBeTrue();

        var late = await world.Customers.UpdateAsync(ana, id, version, new CustomerEdit("Second Edit", null, "en", false, null));

        late.Outcome.ShouldBe(CommandOutcome.Conflict);
        (await world.ReadAsync(id)).Name.ShouldBe("First Edit");
    }

    [Theory]
    [InlineData("Bad\u0007Name", "control character")]
    [InlineData("\u200B\u200B", "no visible characters")]
    [InlineData("   ", "is required")]
    public async Task ANameBreakingTheTextPolicy_IsRefused_AndNothingIsSaved(string name, string error)
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("Policy "), phone: "+44 20 7946 0002");
        var before = await world.ReadAsync(id);

        var result = await world.Customers.UpdateAsync(ana, id, before.Version, new CustomerEdit(name, "Company", "en", false, null));

        result.Outcome.ShouldBe(CommandOutcome.Invalid);
        result.Error.ShouldNotBeNull().ShouldContain(error);
        (await world.ReadAsync(id)).Company.ShouldBeNull();
    }

    [Fact]
    public async Task Names_AreStoredInNfc()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, "Rene\u0301 " + CustomerWorld.Unique(""), phone: "+44 20 7946 0003");
        (await world.ReadAsync(id)).Name.ShouldStartWith("Ren\u00E9 ");
    }

    [Fact]
    public async Task AnAddressAnotherCustomerHas_IsRefused_NamingThatCustomer_InAnyCase()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("u");
        var owner = await world.CreateCustomerAsync(ana, $"Owner {tag}", $"Shared.{tag}@Example.com");
        var other = await world.CreateCustomerAsync(ana, $"Other {tag}", phone: "+1 555 123 4567");

        var added = await world.Customers.AddContactAsync(ana, other, ContactKind.Email, $"shared.{tag}@example.com");
        var created = await world.Customers.CreateAsync(ana, new NewCustomer($"Third {tag}", $"SHARED.{tag}@example.com", null));

        added.Outcome.ShouldBe(CommandOutcome.Invalid);
        added.Error.ShouldNotBeNull().ShouldContain($"Owner {tag} (#{owner})");
        created.Outcome.ShouldBe(CommandOutcome.Invalid);
        (await world.ReadAsync(other)).Contacts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not-an-address", null)]
    [InlineData(null, "call me")]
    [InlineData(null, null)]
    public async Task ANewCustomer_NeedsAValidEmailOrPhone(string? email, string? phone)
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var result = await world.Customers.CreateAsync(ana, new NewCustomer(CustomerWorld.Unique("NoWay "), email, phone));
        result.Outcome.ShouldBe(CommandOutcome.Invalid);
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task RemovingThePrimaryAddress_PromotesTheNextOne_AndMakingOnePrimarySwapsThem()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("p");
        var id = await world.CreateCustomerAsync(ana, $"Primary {tag}", $"one.{tag}@example.com");
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Email, $"two.{tag}@example.com")).Succeeded.ShouldBeTrue();
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Email, $"three.{tag}@example.com")).Succeeded.ShouldBeTrue();

        (await world.Customers.MakePrimaryAsync(ana, id, ContactKind.Email, $"three.{tag}@example.com")).Succeeded.ShouldBeTrue();
        var swapped = (await world.Queries.ProfileAsync(ana, id))!;
        swapped.Emails.Select(e => (e.Value, e.IsPrimary)).ShouldBe([($"three.{tag}@example.com", true), ($"two.{tag}@example.com", false), ($"one.{tag}@example.com", false)]);

        (await world.Customers.RemoveContactAsync(ana, id, ContactKind.Email, $"three.{tag}@example.com")).Succeeded.ShouldBeTrue();
        var customer = await world.ReadAsync(id);
        customer.Email.ShouldBe($"two.{tag}@example.com");
        customer.Contacts.Select(c => c.Value).ShouldBe([$"one.{tag}@example.com"]);
        (await world.Queries.ListAsync(ana, $"three.{tag}", null)).Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheProfileTimeline_ListsOnlyTicketsTheAgentMaySee()
    {
        var admin = await world.ScopeAsync(DemoAgents.AdminEmail);
        var ben = await world.ScopeAsync(DemoAgents.BenEmail);
        var id = await world.CreateCustomerAsync(admin, CustomerWorld.Unique("Timeline "), phone: "+1 555 987 6543");
        var billing = await world.CreateTicketAsync(admin, id, "Billing & Accounts");
        var technical = await world.CreateTicketAsync(admin, id, "Technical Support");

        (await world.Queries.ProfileAsync(admin, id))!.Tickets.Select(t => t.Number).ShouldBe([technical, billing]);
        (await world.Queries.ProfileAsync(ben, id))!.Tickets.Select(t => t.Number).ShouldBe([technical]);
        var row = (await world.Queries.ListAsync(ben, (await world.ReadAsync(id)).Name, null)).Rows.ShouldHaveSingleItem();
        (row.OpenTickets, row.TotalTickets).ShouldBe((1, 1));
    }

    [Fact]
    public async Task AnAgentOpenedPhoneTicket_RecordsItsCreator_AndKeepsTheCallSummaryAsTheAgentsInternalNote()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("Caller "), phone: "+1 555 222 3333");

        var summary = await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(id, TicketChannel.Phone, "Card declined", "Called: card declined twice.",
            FirstMessageKind.AgentSummary, TicketPriority.High, AssignToMe: true));
        var words = await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(id, TicketChannel.WalkIn, "Broken charger", "My charger stopped working.",
            FirstMessageKind.CustomerWords));

        await using var db = await world.DbAsync();
        var first = await db.Tickets.AsNoTracking().Include(t => t.Messages).Include(t => t.Events).SingleAsync(t => t.Number == summary.TicketNumber);
        first.Channel.ShouldBe(TicketChannel.Phone);
        first.AssigneeId.ShouldBe(ana.AgentId);
        first.Priority.ShouldBe(TicketPriority.High);
        first.Events.Single(e => e.Field == "Created").ActorAgentId.ShouldBe(ana.AgentId);
        var note = first.Messages.ShouldHaveSingleItem();
        (note.AuthorKind, note.Visibility, note.AuthorAgentId).ShouldBe((AuthorKind.Agent, MessageVisibility.Internal, ana.AgentId));
        first.FirstResponseAt.ShouldBeNull();
        var second = await db.Tickets.AsNoTracking().Include(t => t.Messages).SingleAsync(t => t.Number == words.TicketNumber);
        second.Channel.ShouldBe(TicketChannel.WalkIn);
        var message = second.Messages.ShouldHaveSingleItem();
        (message.AuthorKind, message.Visibility, message.AuthorCustomerId).ShouldBe((AuthorKind.Customer, MessageVisibility.Public, id));
    }

    [Fact]
    public async Task AnAgentOpenedTicket_RefusesAnEmptySubjectAndAChatChannel()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var id = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("Refused "), phone: "+1 555 222 4444");

        (await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(id, TicketChannel.Phone, "\u200B", "Hello", FirstMessageKind.AgentSummary)))
            .Outcome.ShouldBe(CommandOutcome.Invalid);
        (await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(id, TicketChannel.Chat, "Subject", "Hello", FirstMessageKind.AgentSummary)))
            .Outcome.ShouldBe(CommandOutcome.Invalid);
        await using var db = await world.DbAsync();
        (await db.Tickets.CountAsync(t => t.CustomerId == id)).ShouldBe(0);
    }
}
