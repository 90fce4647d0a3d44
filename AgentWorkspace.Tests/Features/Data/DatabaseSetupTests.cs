using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Data;

[Collection(AppCollection.Name)]
public sealed class DatabaseSetupTests(WorkspaceAppFactory app)
{
    [SqliteOnlyFact]
    public async Task AppDatabase_RunsInWalMode_WithABusyTimeout()
    {
        _ = app.ServerAddress;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        (await ScalarAsync(db, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(db, "PRAGMA busy_timeout")).ShouldBe("5000");
        File.Exists(app.DatabasePath).ShouldBeTrue();
    }

    [Fact]
    public async Task DemoData_CoversEveryStatusPriorityAndChannel_InEnglishAndSpanish()
    {
        _ = app.ServerAddress;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        (await db.Users.CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        (await db.Teams.CountAsync()).ShouldBe(2);
        (await db.Customers.CountAsync()).ShouldBeInRange(35, 60);
        (await db.Tickets.CountAsync()).ShouldBeInRange(70, 120);
        (await db.Tickets.Select(t => t.Status).Distinct().ToListAsync()).ShouldBe(Enum.GetValues<TicketStatus>(), ignoreOrder: true);
        (await db.Tickets.Select(t => t.Priority).Distinct().ToListAsync()).ShouldBe(Enum.GetValues<TicketPriority>(), ignoreOrder: true);
        (await db.Tickets.Select(t => t.Channel).Distinct().ToListAsync()).ShouldBe(Enum.GetValues<TicketChannel>(), ignoreOrder: true);
        (await db.Tickets.Select(t => t.Language).Distinct().ToListAsync()).ShouldBe(["en", "es"], ignoreOrder: true);
        (await db.Messages.CountAsync(m => m.Visibility == MessageVisibility.Internal && m.AuthorKind == AuthorKind.Agent)).ShouldBeGreaterThan(10);
        (await db.Articles.CountAsync()).ShouldBeInRange(25, 45);
        (await db.Articles.Select(a => a.Status).Distinct().ToListAsync()).ShouldContain(ArticleStatus.Published);
        (await db.Articles.Select(a => a.Status).Distinct().ToListAsync()).ShouldContain(ArticleStatus.Draft);
        (await db.Articles.Select(a => a.Status).Distinct().ToListAsync()).ShouldContain(ArticleStatus.InReview);
        (await db.Articles.Select(a => a.Language).Distinct().ToListAsync()).ShouldBe(["en", "es"], ignoreOrder: true);
    }

    [Fact]
    public async Task DemoTickets_HaveGapFreeSequences_AndTheCounterIsPastTheLastNumber()
    {
        _ = app.ServerAddress;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var perTicket = await db.Messages.GroupBy(m => m.TicketId)
            .Select(g => new { g.Key, Count = g.Count(), Max = g.Max(m => m.Seq) })
            .ToListAsync();
        perTicket.ShouldAllBe(t => t.Count == t.Max);
        var lastSeq = await db.Tickets.ToDictionaryAsync(t => t.Id, t => t.LastMessageSeq);
        perTicket.ShouldAllBe(t => lastSeq[t.Key] == t.Max);
        var counter = await db.Counters.SingleAsync(c => c.Name == Counter.TicketNumber);
        counter.Value.ShouldBe(await db.Tickets.MaxAsync(t => t.Number));
    }

    [Fact]
    public async Task Restarting_OnAnExistingDatabase_SeedsNothingTwice()
    {
        _ = app.ServerAddress;
        int tickets;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            tickets = await db.Tickets.CountAsync();
        }

        await app.Services.InitializeWorkspaceDataAsync();

        await using var again = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await again.Tickets.CountAsync()).ShouldBe(tickets);
    }

    [Fact]
    public async Task DemoData_CanBeSwitchedOff()
    {
        await using var factory = WorkspaceAppFactory.Create(seedDemoData: false);
        _ = factory.ServerAddress;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        (await db.Users.AnyAsync()).ShouldBeFalse();
        (await db.Tickets.AnyAsync()).ShouldBeFalse();
        (await db.Roles.CountAsync()).ShouldBe(Roles.All.Count, "roles exist with or without demo data");
    }

    private static async Task<string?> ScalarAsync(AppDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
