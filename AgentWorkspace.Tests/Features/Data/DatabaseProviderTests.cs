using System.Globalization;
using System.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Data.Postgres;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Customers;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// What must behave the same on SQLite and PostgreSQL (Database:Provider), proven on whichever the run uses:
/// .ci/run runs these twice, the second time with AW_TEST_DATABASE=Postgres.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseProviderTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Fact]
    public async Task TheApp_RunsOnTheProviderTheTestRunAskedFor()
    {
        await using var db = await Data.DbAsync();

        db.Database.IsPostgres().ShouldBe(TestDatabases.Postgres);
        if (TestDatabases.Postgres)
        {
            // The provider's own context type, so its migrations (not SQLite's) are the ones applied.
            db.ShouldBeOfType<PostgresAppDbContext>();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldContain(m => m.EndsWith("_PostgresInitial", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Search_FoldsCaseAndAccents_AndTakesTheLastWordAsAPrefix_ForTicketsCustomersAndArticles()
    {
        var tag = CustomerWorld.Unique("qz");
        var world = new CustomerWorld(app.Services);
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var customerId = await world.CreateCustomerAsync(ana, $"Íñigo Muñoz {tag}", $"inigo.{tag}@example.com", company: "Peña Hermanos");
        var number = await world.CreateTicketAsync(ana, customerId, subject: $"Facturación {tag}");

        foreach (var search in new[] { $"INIGO {tag}", $"{tag} muñ", $"facturacion {tag[..6]}", $"{tag} EXAMPLE" })
        {
            (await app.Services.GetRequiredService<InboxQuery>().ListAsync(ana, new InboxFilter { Search = search }))
                .Rows.Select(r => r.Number).ShouldBe([number], search);
        }
        foreach (var search in new[] { $"munoz {tag}", $"{tag} PENA", $"inigo.{tag}@exam" })
        {
            (await world.Queries.LookupAsync(search)).Select(c => c.Id).ShouldBe([customerId], search);
        }

        // A live Spanish article's accented title word, typed in capitals without its accents and cut short.
        await using var db = await Data.DbAsync();
        var articles = await db.Articles.AsNoTracking().Where(a => a.Language == "es" && a.PublishedRevisionId != null && a.Status != ArticleStatus.Archived)
            .Select(a => new { a.Id, a.PublishedRevision!.Title }).ToListAsync();
        var (articleId, word) = articles
            .SelectMany(a => a.Title.Split(' ').Where(w => w.Length >= 6 && w.Any(c => c > '\u007F')).Select(w => (a.Id, Word: w)))
            .First();
        var typed = Fold(word).ToUpperInvariant()[..^1];
        var hits = await app.Services.GetRequiredService<IArticleSearch>()
            .SearchPublishedAsync(typed, new ArticleSearchOptions(Language: "es", IncludeInternal: true, Take: 50));
        hits.Select(h => h.ArticleId).ShouldContain(articleId, $"{typed} (from '{word}')");
    }

    [Fact]
    public async Task Search_TreatsOperatorsAndQuotesAsText()
    {
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var inbox = app.Services.GetRequiredService<InboxQuery>();

        foreach (var search in new[] { "' OR 1=1 --", "a:* | b", "\"x\" & !y", "(((", "\\'" })
        {
            await Should.NotThrowAsync(() => inbox.ListAsync(ana, new InboxFilter { Search = search }), search);
            await Should.NotThrowAsync(() => new CustomerWorld(app.Services).Queries.LookupAsync(search), search);
            await Should.NotThrowAsync(() => app.Services.GetRequiredService<IArticleSearch>().SearchPublishedAsync(search, new ArticleSearchOptions()), search);
        }
    }

    [Fact]
    public async Task ConcurrentCustomerMessagesAndNewTickets_GetGapFreeSequences_AndUniqueNumbers()
    {
        var ticket = await Data.CreateAsync();
        var tickets = app.Services.GetRequiredService<TicketService>();

        var messages = Enumerable.Range(0, 24).Select(i => tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, $"message {i}", $"client-{Guid.NewGuid():N}"));
        var created = Enumerable.Range(0, 8).Select(_ => Data.CreateAsync());
        await Task.WhenAll(Task.WhenAll(messages), Task.WhenAll(created));

        await using var db = await Data.DbAsync();
        var sequences = await db.Messages.Where(m => m.TicketId == ticket.Id).OrderBy(m => m.Seq).Select(m => m.Seq).ToListAsync();
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).ToList());
        sequences.Count.ShouldBe(25);
        var numbers = await db.Tickets.Select(t => t.Number).ToListAsync();
        numbers.Distinct().Count().ShouldBe(numbers.Count);
    }

    [Fact]
    public void PartialIndexFilters_AreQuotedForPostgres_OutsideLiterals()
    {
        var columns = new HashSet<string>(StringComparer.Ordinal) { "State", "ExternalId", "Status" };

        PostgresAppDbContext.QuoteColumns("State = 'Pending'", columns).ShouldBe("\"State\" = 'Pending'");
        PostgresAppDbContext.QuoteColumns("ExternalId IS NOT NULL", columns).ShouldBe("\"ExternalId\" IS NOT NULL");
        PostgresAppDbContext.QuoteColumns("\"Status\" IN ('State', 'Open')", columns).ShouldBe("\"Status\" IN ('State', 'Open')");
    }

    private static string Fold(string word) =>
        new(word.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
}
