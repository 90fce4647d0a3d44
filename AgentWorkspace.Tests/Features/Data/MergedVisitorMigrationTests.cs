using AgentWorkspace.Features.Customers;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// The repair of customers merged by the blank-e-mail bug: a database as the previous release left it, migrated.
/// </summary>
public sealed class MergedVisitorMigrationTests
{
    private const string Migration = "_NormalizedEmailAndSplitMergedVisitors";

    [SqliteOnlyFact]
    public async Task VisitorsMergedOnABlankEmail_AreSplit_OneCustomerPerWidgetToken_WithTheirTicketsMessagesAndSearch()
    {
        using var database = new TempDatabase();
        await using (var setup = database.CreateContext())
        {
            var migrations = setup.Database.GetMigrations().ToList();
            var repair = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
            repair.ShouldBeGreaterThan(0);
            await setup.GetService<IMigrator>().MigrateAsync(migrations[repair - 1]);
        }
        await ExecuteAsync(database.ConnectionString, MergedRowsSql);

        await using (var migrate = database.CreateContext())
        {
            await migrate.Database.MigrateAsync();
        }

        await using var db = database.CreateContext();
        var owners = await db.Tickets.AsNoTracking().Include(t => t.Customer).ToDictionaryAsync(t => t.Number, t => t.Customer);
        // The first conversation keeps the record its visitor created, with their name; its e-mail is no longer "".
        owners[1001].Id.ShouldBe(1);
        owners[1001].Name.ShouldBe("Alma First");
        owners[1001].Email.ShouldBeNull();
        owners[1001].NormalizedEmail.ShouldBeNull();
        // The second visitor's chat moved to a follow-up: both tickets go with it, to one new customer.
        var second = owners[1002];
        owners[1003].Id.ShouldBe(second.Id);
        second.Id.ShouldNotBe(1);
        second.Name.ShouldBe("Chat visitor", "never the first visitor's name");
        second.Email.ShouldBeNull();
        second.IsVerified.ShouldBeFalse();
        second.Language.ShouldBe("en");
        var third = owners[1004];
        third.Id.ShouldNotBe(1);
        third.Id.ShouldNotBe(second.Id);
        third.Name.ShouldBe("Visitante del chat");
        third.Language.ShouldBe("es");
        // A returning visitor matched on a real address was one person all along: untouched.
        owners[1005].Id.ShouldBe(2);
        owners[1006].Id.ShouldBe(2);
        owners[1005].Email.ShouldBe("Rosa.Returning@Example.com");
        owners[1005].NormalizedEmail.ShouldBe("rosa.returning@example.com");
        // A ticket no conversation leads to stays where it was.
        owners[1007].Id.ShouldBe(1);

        var authors = await db.Messages.AsNoTracking().Where(m => m.AuthorCustomerId != null)
            .ToDictionaryAsync(m => m.Body, m => m.AuthorCustomerId);
        authors["Alma asks"].ShouldBe(1);
        authors["Bruno asks"].ShouldBe(second.Id);
        authors["Bruno again"].ShouldBe(second.Id);
        authors["Carla pregunta"].ShouldBe(third.Id);
        var conversations = await db.ChatConversations.AsNoTracking().ToDictionaryAsync(c => c.StartClientId, c => c.CustomerId);
        conversations.ShouldBe(new Dictionary<string, int> { ["alma"] = 1, ["bruno"] = second.Id, ["carla"] = third.Id, ["rosa-1"] = 2, ["rosa-2"] = 2 }, ignoreOrder: true);

        var searchable = await db.Database.SqlQueryRaw<string>("SELECT Customer AS Value FROM TicketSearch WHERE rowid IN (2, 3, 4) ORDER BY rowid").ToListAsync();
        searchable.ShouldBe(["Chat visitor ", "Chat visitor ", "Visitante del chat "]);

        // New customers still get fresh ids after the explicit ones the split inserted.
        var later = new Customer { Name = "Later", CreatedAt = DateTimeOffset.UtcNow };
        db.Customers.Add(later);
        await db.SaveChangesAsync();
        later.Id.ShouldBeGreaterThan(Math.Max(second.Id, third.Id));
    }

    /// <summary>Rows as the previous schema stored them: the buggy chat filed three visitors with e-mail "" under customer 1.</summary>
    private const string MergedRowsSql = """
        INSERT INTO Customers (Id, Name, Email, Language, IsVerified, CreatedAt) VALUES
            (1, 'Alma First', '', 'en', 0, 1000),
            (2, 'Rosa Returning', ' Rosa.Returning@Example.com ', 'en', 0, 1000);
        INSERT INTO Tickets (Id, Number, Subject, Status, Priority, Channel, Language, CustomerId, Tier, CreatedAt, UpdatedAt, LastActivityAt, LastMessageSeq, Version, FollowUpOfId) VALUES
            (1, 1001, 'Alma''s parcel', 'Open', 1, 'Chat', 'en', 1, 1, 1000, 1000, 1000, 1, 0, NULL),
            (2, 1002, 'Bruno''s size', 'Closed', 1, 'Chat', 'en', 1, 1, 2000, 2000, 2000, 1, 0, NULL),
            (3, 1003, 'Follow-up to #1002', 'Open', 1, 'Chat', 'en', 1, 1, 2500, 2500, 2500, 1, 0, 2),
            (4, 1004, 'Carla y su pedido', 'Open', 1, 'Chat', 'es', 1, 1, 3000, 3000, 3000, 1, 0, NULL),
            (5, 1005, 'Rosa once', 'Open', 1, 'Chat', 'en', 2, 1, 4000, 4000, 4000, 0, 0, NULL),
            (6, 1006, 'Rosa twice', 'Open', 1, 'Chat', 'en', 2, 1, 5000, 5000, 5000, 0, 0, NULL),
            (7, 1007, 'Phoned in', 'Open', 1, 'Phone', 'en', 1, 1, 6000, 6000, 6000, 0, 0, NULL);
        INSERT INTO Messages (TicketId, Seq, AuthorKind, AuthorCustomerId, Visibility, Body, CreatedAt) VALUES
            (1, 1, 'Customer', 1, 'Public', 'Alma asks', 1000),
            (2, 1, 'Customer', 1, 'Public', 'Bruno asks', 2000),
            (3, 1, 'Customer', 1, 'Public', 'Bruno again', 2500),
            (4, 1, 'Customer', 1, 'Public', 'Carla pregunta', 3000);
        INSERT INTO ChatConversations (Id, TokenHash, CustomerId, TicketId, StartClientId, StartedOffline, CreatedAt, LastSeenAt) VALUES
            (1, randomblob(32), 1, 1, 'alma', 0, 1000, 1000),
            (2, randomblob(32), 1, 3, 'bruno', 0, 2000, 2000),
            (3, randomblob(32), 1, 4, 'carla', 0, 3000, 3000),
            (4, randomblob(32), 2, 5, 'rosa-1', 0, 4000, 4000),
            (5, randomblob(32), 2, 6, 'rosa-2', 0, 5000, 5000);
        INSERT INTO TicketSearch (rowid, Subject, Customer, Body)
        SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''), '' FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId;
        UPDATE Counters SET Value = 1007 WHERE Name = 'TicketNumber';
        """;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
