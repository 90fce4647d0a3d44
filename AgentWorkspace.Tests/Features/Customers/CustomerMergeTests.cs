using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>Merging two customers: everything moves in one transaction, the verified record survives, nothing merges unasked.</summary>
[Collection(CustomerCollection.Name)]
public sealed class CustomerMergeTests(WorkspaceAppFactory app)
{
    private readonly CustomerWorld world = new(app.Services);

    [Fact]
    public async Task AMerge_MovesTicketsMessagesAddressesPhonesAndNotes_AndLeavesATombstoneAndAHistoryLine()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("m");
        var survivor = await world.CreateCustomerAsync(ana, $"Keeper {tag}", $"keeper.{tag}@example.com");
        var merged = await world.CreateCustomerAsync(ana, $"Dupe {tag}", $"dupe.{tag}@example.com", "+34 600 000 001", $"Dupe Co {tag}");
        (await world.Customers.AddContactAsync(ana, merged, ContactKind.Email, $"dupe2.{tag}@example.com")).Succeeded.ShouldBeTrue();
        var version = (await world.ReadAsync(merged)).Version;
        (await world.Customers.UpdateAsync(ana, merged, version, new CustomerEdit($"Dupe {tag}", $"Dupe Co {tag}", "en", true, "Calls from the office."))).Succeeded.ShouldBeTrue();
        var ticket = await world.CreateTicketAsync(ana, merged);
        var words = await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(merged, TicketChannel.WalkIn, "Walked in", "It broke.", FirstMessageKind.CustomerWords));

        var preview = await world.Customers.PreviewMergeAsync(ana, survivor, merged);
        preview.CanMerge.ShouldBeTrue(preview.Refusal);
        preview.Tickets.ShouldBe(2);
        preview.Emails.ShouldBe([$"dupe.{tag}@example.com", $"dupe2.{tag}@example.com"]);
        preview.Phones.ShouldBe(["+34 600 000 001"]);
        preview.NotesMove.ShouldBeTrue();
        preview.Values.Single(v => v.Field == "Company").Result.ShouldBe($"Dupe Co {tag}");
        preview.Values.Single(v => v.Field == "Name").Result.ShouldBe($"Keeper {tag}");
        preview.Values.Single(v => v.Field == "VIP").Result.ShouldBe("Yes");
        preview.NeedsTakeoverConfirmation.ShouldBeFalse();

        var result = await world.Customers.MergeAsync(ana, survivor, merged, confirmedTakeover: false);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var db = await world.DbAsync();
        (await db.Tickets.CountAsync(t => t.CustomerId == merged)).ShouldBe(0);
        (await db.Tickets.CountAsync(t => t.CustomerId == survivor)).ShouldBe(2);
        (await db.Messages.CountAsync(m => m.AuthorCustomerId == merged)).ShouldBe(0);
        (await db.Messages.CountAsync(m => m.AuthorCustomerId == survivor)).ShouldBe(1);
        (await db.TicketEvents.CountAsync(e => db.Tickets.Any(t => t.Id == e.TicketId && t.Number == ticket) && e.Field == "Customer")).ShouldBe(1);
        var kept = await world.ReadAsync(survivor);
        kept.Email.ShouldBe($"keeper.{tag}@example.com");
        kept.Phone.ShouldBe("+34 600 000 001");
        kept.Company.ShouldBe($"Dupe Co {tag}");
        kept.IsVip.ShouldBeTrue();
        kept.Notes.ShouldBe("Calls from the office.");
        kept.Contacts.Select(c => c.Value).ShouldBe([$"dupe.{tag}@example.com", $"dupe2.{tag}@example.com"], ignoreOrder: true);
        var tombstone = await world.ReadAsync(merged);
        tombstone.MergedIntoId.ShouldBe(survivor);
        (tombstone.Email, tombstone.Phone).ShouldBe((null, null));
        tombstone.Contacts.ShouldBeEmpty();
        (await world.Queries.ProfileAsync(ana, survivor))!.History.ShouldContain(h => h.Field == "Merged" && h.OldValue == $"Dupe {tag} (#{merged})");
        (await world.Queries.ListAsync(ana, $"dupe2.{tag}", null)).Rows.Select(r => r.Id).ShouldBe([survivor]);
        (await world.Queries.ListAsync(ana, $"Dupe {tag}", null)).Rows.Select(r => r.Id).ShouldBe([survivor]);
        (await db.Customers.WithEmail(db, $"dupe.{tag}@example.com").Select(c => c.Id).ToListAsync()).ShouldBe([survivor]);
        words.Succeeded.ShouldBeTrue();
    }

    [SqliteOnlyFact] // the failure is a SQLite trigger
    public async Task AMergeThatFailsHalfway_ChangesNothing()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("f");
        var survivor = await world.CreateCustomerAsync(ana, $"Keeper {tag}", $"keeper.{tag}@example.com");
        var merged = await world.CreateCustomerAsync(ana, $"Dupe {tag}", $"dupe.{tag}@example.com", "+34 600 000 002");
        (await world.Tickets.CreateByAgentAsync(ana, new AgentNewTicket(merged, TicketChannel.WalkIn, "Walked in", "It broke.", FirstMessageKind.CustomerWords)))
            .Succeeded.ShouldBeTrue();
        await using var db = await world.DbAsync();
        // The messages move after the tickets, addresses and tombstone: failing there proves they all roll back together.
        // Ids are ints from the database: nothing to inject.
        var failing = $"""
            CREATE TRIGGER FailMerge{merged} BEFORE UPDATE OF AuthorCustomerId ON Messages WHEN old.AuthorCustomerId = {merged}
            BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
            """;
        var drop = $"DROP TRIGGER FailMerge{merged};";
        await db.Database.ExecuteSqlRawAsync(failing);
        try
        {
            await Should.ThrowAsync<Exception>(() => world.Customers.MergeAsync(ana, survivor, merged, confirmedTakeover: false));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(drop);
        }

        (await db.Tickets.CountAsync(t => t.CustomerId == merged)).ShouldBe(1);
        var untouched = await world.ReadAsync(merged);
        untouched.MergedIntoId.ShouldBeNull();
        untouched.Email.ShouldBe($"dupe.{tag}@example.com");
        (await world.ReadAsync(survivor)).Contacts.ShouldBeEmpty();
        (await db.CustomerEvents.CountAsync(e => e.CustomerId == survivor && e.Field == "Merged")).ShouldBe(0);
        (await db.TicketEvents.CountAsync(e => e.Field == "Customer" && e.OldValue == $"Dupe {tag} (#{merged})")).ShouldBe(0);
    }

    [Fact]
    public async Task AMergeWithItselfAnUnknownIdOrAMergedRecord_IsRefused()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var a = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("A "), phone: "+1 555 100 0001");
        var b = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("B "), phone: "+1 555 100 0002");
        var c = await world.CreateCustomerAsync(ana, CustomerWorld.Unique("C "), phone: "+1 555 100 0003");

        (await world.Customers.MergeAsync(ana, a, a, false)).Error.ShouldBe("A customer can't be merged with itself.");
        (await world.Customers.PreviewMergeAsync(ana, a, a)).CanMerge.ShouldBeFalse();
        (await world.Customers.MergeAsync(ana, a, int.MaxValue, false)).Outcome.ShouldBe(CommandOutcome.NotFound);
        (await world.Customers.MergeAsync(ana, int.MaxValue, a, false)).Outcome.ShouldBe(CommandOutcome.NotFound);
        (await world.Customers.MergeAsync(ana, a, b, false)).Succeeded.ShouldBeTrue();
        (await world.Customers.MergeAsync(ana, c, b, false)).Error.ShouldNotBeNull().ShouldContain("already merged");
        (await world.Customers.MergeAsync(ana, b, c, false)).Succeeded.ShouldBeFalse();
        (await world.ReadAsync(c)).MergedIntoId.ShouldBeNull();
    }

    [Fact]
    public async Task AnUnverifiedVisitor_MergesIntoAVerifiedCustomer_OnlyWithAnExplicitConfirmation_AndNeverTheOtherWayRound()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("v");
        var verified = await AddVerifiedAsync($"Verified {tag}", $"v.{tag}@example.com");
        var visitor = await world.CreateCustomerAsync(ana, $"Visitor {tag}", $"visitor.{tag}@example.com");
        await world.CreateTicketAsync(ana, visitor);

        (await world.Customers.PreviewMergeAsync(ana, verified, visitor)).NeedsTakeoverConfirmation.ShouldBeTrue();
        var wrongWay = await world.Customers.PreviewMergeAsync(ana, visitor, verified);
        wrongWay.CanMerge.ShouldBeFalse();
        wrongWay.Refusal.ShouldNotBeNull().ShouldContain("the verified record is the one that stays");
        (await world.Customers.MergeAsync(ana, visitor, verified, confirmedTakeover: true)).Succeeded.ShouldBeFalse();

        var unconfirmed = await world.Customers.MergeAsync(ana, verified, visitor, confirmedTakeover: false);
        unconfirmed.Outcome.ShouldBe(CommandOutcome.Invalid);
        unconfirmed.Error.ShouldNotBeNull().ShouldContain("confirm");
        await using (var db = await world.DbAsync())
        {
            (await db.Tickets.CountAsync(t => t.CustomerId == visitor)).ShouldBe(1);
        }

        (await world.Customers.MergeAsync(ana, verified, visitor, confirmedTakeover: true)).Succeeded.ShouldBeTrue();
        var kept = await world.ReadAsync(verified);
        kept.IsVerified.ShouldBeTrue();
        kept.ExternalId.ShouldBe($"site-{tag}");
    }

    [Fact]
    public async Task TwoVerifiedCustomers_AreNeverMerged()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("w");
        var one = await AddVerifiedAsync($"One {tag}", $"one.{tag}@example.com");
        var two = await AddVerifiedAsync($"Two {tag}", $"two.{tag}@example.com", suffix: "2");

        (await world.Customers.MergeAsync(ana, one, two, confirmedTakeover: true)).Succeeded.ShouldBeFalse();
        (await world.ReadAsync(two)).MergedIntoId.ShouldBeNull();
    }

    private async Task<int> AddVerifiedAsync(string name, string email, string suffix = "")
    {
        await using var db = await world.DbAsync();
        var customer = new Customer { Name = name, Email = email, IsVerified = true, ExternalId = $"site-{name.Split(' ')[1]}{suffix}", CreatedAt = DateTimeOffset.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }
}
