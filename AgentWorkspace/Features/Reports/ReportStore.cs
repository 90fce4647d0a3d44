using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// Keeps the report facts and the hourly aggregate in step with the tickets' history: <see cref="RefreshAsync"/>
/// recomputes a few tickets (what <see cref="ReportFeed"/> does after each change: one ticket's history read, its rows
/// replaced, the hours it touches before and after recounted); <see cref="RebuildAsync"/> recomputes everything from the
/// history. Both use the same code, so the rebuild gives the same numbers as the live upkeep.
/// </summary>
public sealed partial class ReportStore(IDbContextFactory<AppDbContext> dbFactory, ILogger<ReportStore> logger)
{
    public const int ChunkSize = 200;
    internal const long HourTicks = TimeSpan.TicksPerHour;

    public async Task RefreshAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in ticketIds.Distinct().Chunk(ChunkSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var settings = await SlaSettings.LoadAsync(db, cancellationToken);
            // Only report upkeep writes these rows: refreshes queue behind each other, not behind ticket writes.
            await using var transaction = await db.BeginWriteAsync(WriteScope.Only(WriteArea.Reports), cancellationToken);
            var hours = await HoursOfAsync(db, chunk, cancellationToken);
            // The per-day rows change by the difference between the tickets' old and new facts.
            var delta = new Dictionary<DayKey, DayTotals>();
            foreach (var (cycle, tags) in await CurrentFactsAsync(db, chunk, cancellationToken))
            {
                AddCycle(delta, cycle, tags, -1);
            }
            foreach (var facts in await ReplaceFactsAsync(db, chunk, settings, cancellationToken))
            {
                foreach (var cycle in facts.Cycles)
                {
                    AddCycle(delta, cycle, facts.Ticket.TagList, +1);
                }
            }
            hours.UnionWith(await HoursOfAsync(db, chunk, cancellationToken));
            foreach (var hour in hours)
            {
                await RecountHoursAsync(db, hour, hour + HourTicks, cancellationToken);
            }
            await ApplyDaysAsync(db, delta, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Tickets whose facts are missing or were computed from an older version of the ticket.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        var after = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Tickets.Where(t => t.Id > after)
                    .Where(t => !db.ReportTickets.Any(r => r.TicketId == t.Id && r.TicketVersion == t.Version))
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
            }
            if (ids.Count == 0)
            {
                return total;
            }
            await RefreshAsync(ids, cancellationToken);
            total += ids.Count;
            after = ids[^1];
        }
    }

    /// <summary>Throws away every fact and aggregate and recomputes them from the tickets' history.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ReportHours.ExecuteDeleteAsync(cancellationToken);
            await db.ReportDays.ExecuteDeleteAsync(cancellationToken);
            await db.ReportEscalations.ExecuteDeleteAsync(cancellationToken);
            await db.ReportCycles.ExecuteDeleteAsync(cancellationToken);
            await db.ReportTickets.ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var total = 0;
        var after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Tickets.Where(t => t.Id > after).OrderBy(t => t.Id).Select(t => t.Id).Take(2000).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }
            var settings = await SlaSettings.LoadAsync(db, cancellationToken);
            foreach (var chunk in ids.Chunk(ChunkSize * 5))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ReplaceFactsAsync(db, chunk, settings, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            total += ids.Count;
            after = ids[^1];
            if (total % 50_000 < 2000)
            {
                logger.LogInformation("Report facts rebuilt for {Count} ticket(s)", total);
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RecountHoursAsync(db, long.MinValue / 2, long.MaxValue / 2, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RebuildDaysAsync(cancellationToken);
        return total;
    }

    /// <summary>Reads the tickets' history, builds their facts and replaces their rows (inside the caller's transaction).</summary>
    private static async Task<List<TicketFacts>> ReplaceFactsAsync(AppDbContext db, IReadOnlyCollection<int> ids, SlaSettings settings, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.CreatedAt, t.Channel, t.Priority, t.TeamId, t.Category, t.Language, t.Version, t.AssigneeId })
            .ToListAsync(cancellationToken);
        var events = (await db.TicketEvents.AsNoTracking()
            .Where(e => ids.Contains(e.TicketId) && (e.Field == "Status" || e.Field == "Assignee" || e.Field == "Team" || e.Field == "Tier"))
            .Select(e => new { e.TicketId, Line = new HistoryLine(e.Id, e.Field, e.OldValue, e.NewValue, e.Reason, e.ActorAgentId, e.CreatedAt) })
            .ToListAsync(cancellationToken)).ToLookup(e => e.TicketId, e => e.Line);
        // Only public agent replies matter to any metric (ReportMetrics.IsPublicAgentReply).
        var messages = (await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.TicketId) && m.AuthorKind == AuthorKind.Agent && m.AuthorAgentId != null && m.Visibility == MessageVisibility.Public)
            .Select(m => new { m.TicketId, Message = new HistoryMessage(m.Seq, m.AuthorKind, m.Visibility, m.AuthorAgentId, m.CreatedAt) })
            .ToListAsync(cancellationToken)).ToLookup(m => m.TicketId, m => m.Message);

        var opens = (await db.TicketOpens.AsNoTracking().Where(o => ids.Contains(o.TicketId))
            .Select(o => new { o.TicketId, Open = new HistoryOpen(o.AgentId, o.OpenedAt) })
            .ToListAsync(cancellationToken)).ToLookup(o => o.TicketId, o => o.Open);
        var tags = (await db.TicketTags.AsNoTracking().Where(t => ids.Contains(t.TicketId)).Select(t => new { t.TicketId, t.Tag })
            .ToListAsync(cancellationToken)).ToLookup(t => t.TicketId, t => t.Tag);
        await db.ReportEscalations.Where(e => ids.Contains(e.TicketId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReportCycles.Where(c => ids.Contains(c.TicketId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReportTickets.Where(t => ids.Contains(t.TicketId)).ExecuteDeleteAsync(cancellationToken);
        var built = new List<TicketFacts>(tickets.Count);
        foreach (var t in tickets)
        {
            var input = new TicketHistoryInput(t.Id, t.Number, t.CreatedAt, t.Channel, t.Priority, t.TeamId, t.Category, t.Language, t.Version, t.AssigneeId,
                [.. events[t.Id]], [.. messages[t.Id]], [.. opens[t.Id]], [.. tags[t.Id]]);
            var facts = FactBuilder.Build(input, settings.CalendarFor(t.TeamId).Time);
            db.ReportTickets.Add(facts.Ticket);
            db.ReportCycles.AddRange(facts.Cycles);
            db.ReportEscalations.AddRange(facts.Escalations);
            built.Add(facts);
        }
        await db.SaveChangesAsync(cancellationToken);
        return built;
    }

    /// <summary>The hours (UTC, as tick starts) the tickets' current facts count in.</summary>
    private static async Task<HashSet<long>> HoursOfAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var instants = await db.ReportTickets.Where(t => ids.Contains(t.TicketId)).Select(t => (DateTimeOffset?)t.CreatedAt)
            .Concat(db.ReportCycles.Where(c => ids.Contains(c.TicketId) && c.ResolvedAt != null).Select(c => c.ResolvedAt))
            .Concat(db.ReportCycles.Where(c => ids.Contains(c.TicketId) && c.ReopenedAt != null).Select(c => c.ReopenedAt))
            .ToListAsync(cancellationToken);
        return instants.Select(i => HourOf(i!.Value)).ToHashSet();
    }

    internal static long HourOf(DateTimeOffset instant) => instant.UtcTicks - instant.UtcTicks % HourTicks;

    /// <summary>Recounts the aggregate for the hours in [from, to) from the facts: the live upkeep and the rebuild share this.</summary>
    private static async Task RecountHoursAsync(AppDbContext db, long from, long to, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ReportHours" WHERE "Hour" >= {from} AND "Hour" < {to}""", cancellationToken);
        // One row per hour for each team and channel, each team (all channels), each channel (all teams), all, and each
        // priority, category and tag (all teams and channels; "p:2", "k:billing", "t:refund" as DayKeys writes them).
        // Identifiers are quoted and the priority is cast to text, so the same statement runs on SQLite and PostgreSQL.
        // Tags are the ticket's current ones (TicketTags), as the tag filter reads them; a tag change refreshes the
        // ticket, which recounts every hour it counts in.
        await db.Database.ExecuteSqlAsync($"""
            WITH e AS (
                SELECT "CreatedAt" - "CreatedAt" % {HourTicks} AS h, COALESCE("TeamId", 0) AS team, "Channel" AS channel, "Priority" AS priority,
                    "Category" AS category, "TicketId" AS ticket, 1 AS c, 0 AS r, 0 AS o
                FROM "ReportTickets" WHERE "CreatedAt" >= {from} AND "CreatedAt" < {to}
                UNION ALL
                SELECT "ResolvedAt" - "ResolvedAt" % {HourTicks}, COALESCE("TeamId", 0), "Channel", "Priority", "Category", "TicketId", 0, 1, 0
                FROM "ReportCycles" WHERE "ResolvedAt" >= {from} AND "ResolvedAt" < {to}
                UNION ALL
                SELECT "ReopenedAt" - "ReopenedAt" % {HourTicks}, COALESCE("TeamId", 0), "Channel", "Priority", "Category", "TicketId", 0, 0, 1
                FROM "ReportCycles" WHERE "ReopenedAt" >= {from} AND "ReopenedAt" < {to})
            INSERT INTO "ReportHours" ("Hour", "TeamId", "Channel", "Created", "Resolved", "Reopened")
            SELECT h, team, channel, SUM(c), SUM(r), SUM(o) FROM e GROUP BY h, team, channel
            UNION ALL SELECT h, team, {DayKeys.All}, SUM(c), SUM(r), SUM(o) FROM e GROUP BY h, team
            UNION ALL SELECT h, {DayKeys.AllTeams}, channel, SUM(c), SUM(r), SUM(o) FROM e GROUP BY h, channel
            UNION ALL SELECT h, {DayKeys.AllTeams}, {DayKeys.All}, SUM(c), SUM(r), SUM(o) FROM e GROUP BY h
            UNION ALL SELECT h, {DayKeys.AllTeams}, 'p:' || CAST(priority AS TEXT), SUM(c), SUM(r), SUM(o) FROM e GROUP BY h, priority
            UNION ALL SELECT h, {DayKeys.AllTeams}, 'k:' || category, SUM(c), SUM(r), SUM(o) FROM e WHERE category IS NOT NULL AND category <> '' GROUP BY h, category
            UNION ALL SELECT e.h, {DayKeys.AllTeams}, 't:' || x."Tag", SUM(e.c), SUM(e.r), SUM(e.o) FROM e JOIN "TicketTags" AS x ON x."TicketId" = e.ticket GROUP BY e.h, x."Tag"
            """, cancellationToken);
    }
}
