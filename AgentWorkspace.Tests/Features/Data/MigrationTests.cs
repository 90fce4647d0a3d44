using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AgentWorkspace.Tests.Features.Data;

public sealed class MigrationTests
{
    [SqliteOnlyTheory]
    [InlineData("previous")]
    [InlineData("first")]
    public async Task ExistingDatabase_UpgradesToTheLatestMigration_WithoutLosingRows(string startingPoint)
    {
        using var database = new TempDatabase();
        await using var db = database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        migrations.Count.ShouldBeGreaterThanOrEqualTo(2, "an upgrade needs an earlier migration to start from");
        var previous = startingPoint == "first" ? migrations[0] : migrations[^2];

        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(previous);
        // Until PriorityRanksAndSearchIndex, priorities were stored by name; from it on, by rank.
        var priorityByName = migrations.IndexOf(previous) < migrations.FindIndex(m => m.EndsWith("_PriorityRanksAndSearchIndex", StringComparison.Ordinal));
        await SeedRowsAsync(database.ConnectionString, priorityByName ? "'High'" : "2");

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Last().ShouldBe(migrations[^1]);
        var ticket = await db.Tickets.Include(t => t.Customer).Include(t => t.Messages).Include(t => t.Tags).SingleAsync();
        ticket.Number.ShouldBe(1001);
        ticket.Subject.ShouldBe("Refund for order 5521");
        ticket.Customer.Email.ShouldBe("marta@example.es");
        ticket.Messages.Select(m => m.Body).ShouldBe(["¿Dónde está mi reembolso?", "Checking with billing."]);
        ticket.Tags.Single().Tag.ShouldBe("refund");
        ticket.Priority.ShouldBe(TicketPriority.High, "priority names become ranks without loss");
        (await db.Teams.SingleAsync()).Name.ShouldBe("Billing & Accounts");
        (await db.Counters.SingleAsync()).Value.ShouldBe(1001);
    }

    [Fact]
    public async Task EveryMigration_AppliesToAnEmptyFile_AndLeavesNoPendingModelChanges()
    {
        using var database = new TempDatabase();
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changes no migration captures");
        (await db.Counters.SingleAsync()).Value.ShouldBe(1000, "ticket numbers start at #1001");
    }

    /// <summary>Plain SQL, so the rows are written with the previous schema rather than today's model.</summary>
    private static async Task SeedRowsAsync(string connectionString, string highPriority)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        var sql = $"""
            INSERT INTO Teams (Id, Name) VALUES (1, 'Billing & Accounts');
            INSERT INTO Customers (Id, Name, Email, Language, IsVerified, CreatedAt) VALUES (1, 'Marta Ruiz', 'marta@example.es', 'es', 0, {now});
            INSERT INTO Tickets (Id, Number, Subject, Status, Priority, Channel, Language, CustomerId, TeamId, Tier, CreatedAt, UpdatedAt, LastActivityAt, LastMessageSeq, Version)
                VALUES (1, 1001, 'Refund for order 5521', 'Open', {highPriority}, 'Email', 'es', 1, 1, 1, {now}, {now}, {now}, 2, 0);
            INSERT INTO TicketTags (TicketId, Tag) VALUES (1, 'refund');
            INSERT INTO Messages (TicketId, Seq, AuthorKind, AuthorCustomerId, Visibility, Body, CreatedAt) VALUES (1, 1, 'Customer', 1, 'Public', '¿Dónde está mi reembolso?', {now});
            INSERT INTO Messages (TicketId, Seq, AuthorKind, Visibility, Body, CreatedAt) VALUES (1, 2, 'System', 'Internal', 'Checking with billing.', {now + 1});
            UPDATE Counters SET Value = 1001 WHERE Name = 'TicketNumber';
            """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
