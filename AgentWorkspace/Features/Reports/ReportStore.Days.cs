using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Reports;

/// <summary>A <see cref="ReportDay"/> row's key.</summary>
internal readonly record struct DayKey(bool Month, long Day, int TeamId, string Channel, string AgentId);

public sealed partial class ReportStore
{
    /// <summary>
    /// Adds (sign +1) or takes out (-1) one cycle's share of the per-day rows: its resolution side in the day it was
    /// resolved, its creation side (cycle 0) in the day the ticket was created, each in every group it belongs to.
    /// The live upkeep and the rebuild both count through here.
    /// </summary>
    internal static void AddCycle(Dictionary<DayKey, DayTotals> rows, ReportCycle cycle, IReadOnlyList<string> tags, int sign)
    {
        AddResolvedSide(rows, cycle, tags, sign);
        AddCreatedSide(rows, cycle, tags, sign);
    }

    private static void AddResolvedSide(Dictionary<DayKey, DayTotals> rows, ReportCycle cycle, IReadOnlyList<string> tags, int sign)
    {
        if (cycle.ResolvedAt is { } resolved)
        {
            foreach (var totals in Groups(rows, cycle, tags, resolved.UtcTicks))
            {
                totals.AddResolved(cycle, sign);
            }
        }
    }

    private static void AddCreatedSide(Dictionary<DayKey, DayTotals> rows, ReportCycle cycle, IReadOnlyList<string> tags, int sign)
    {
        if (cycle.Cycle == 0)
        {
            foreach (var totals in Groups(rows, cycle, tags, cycle.StartedAt.UtcTicks))
            {
                totals.AddCreated(cycle, tags, sign);
            }
        }
    }

    /// <summary>Every group's day row and month row for the instant (the ticket's current tags: a tag change refreshes its facts).</summary>
    private static IEnumerable<DayTotals> Groups(Dictionary<DayKey, DayTotals> rows, ReportCycle cycle, IReadOnlyList<string> tags, long utcTicks)
    {
        foreach (var (team, channel, agent) in DayKeys.Of(cycle.TeamId ?? 0, cycle.Channel.ToString(), cycle.AgentId ?? "", cycle.Priority, cycle.Category, tags))
        {
            foreach (var key in new[] { new DayKey(false, DayKeys.DayOf(utcTicks), team, channel, agent), new DayKey(true, DayKeys.MonthOf(utcTicks), team, channel, agent) })
            {
                if (!rows.TryGetValue(key, out var totals))
                {
                    rows[key] = totals = new DayTotals();
                }
                yield return totals;
            }
        }
    }

    /// <summary>The tickets' facts as stored now (before they are replaced), with their tags.</summary>
    private static async Task<List<(ReportCycle Cycle, IReadOnlyList<string> Tags)>> CurrentFactsAsync(
        AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var tags = await db.ReportTickets.AsNoTracking().Where(t => ids.Contains(t.TicketId))
            .ToDictionaryAsync(t => t.TicketId, t => t.TagList, cancellationToken);
        var cycles = await db.ReportCycles.AsNoTracking().Where(c => ids.Contains(c.TicketId)).ToListAsync(cancellationToken);
        return [.. cycles.Select(c => (c, tags.GetValueOrDefault(c.TicketId) ?? []))];
    }

    /// <summary>Applies a difference to the stored rows: adds to them, creates the missing ones, deletes the ones left empty.</summary>
    private static async Task ApplyDaysAsync(AppDbContext db, Dictionary<DayKey, DayTotals> delta, CancellationToken cancellationToken)
    {
        var changes = delta.Where(d => !d.Value.IsEmpty).ToList();
        if (changes.Count == 0)
        {
            return;
        }
        var days = changes.Select(c => c.Key.Day).Distinct().ToList();
        var teams = changes.Select(c => c.Key.TeamId).Distinct().ToList();
        var channels = changes.Select(c => c.Key.Channel).Distinct().ToList();
        var agents = changes.Select(c => c.Key.AgentId).Distinct().ToList();
        var stored = (await db.ReportDays.Where(d => teams.Contains(d.TeamId) && channels.Contains(d.Channel) && agents.Contains(d.AgentId) && days.Contains(d.Day))
            .ToListAsync(cancellationToken)).ToDictionary(d => new DayKey(d.Month, d.Day, d.TeamId, d.Channel, d.AgentId));
        foreach (var (key, change) in changes)
        {
            if (stored.TryGetValue(key, out var row))
            {
                var totals = DayTotals.Read(row);
                totals.Add(change);
                if (totals.IsEmpty)
                {
                    db.ReportDays.Remove(row);
                }
                else
                {
                    totals.Write(row);
                }
            }
            else
            {
                row = new ReportDay { Month = key.Month, Day = key.Day, TeamId = key.TeamId, Channel = key.Channel, AgentId = key.AgentId };
                change.Write(row);
                db.ReportDays.Add(row);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes the hourly, daily and monthly totals from the facts already stored (the facts are not rebuilt).</summary>
    public async Task RebuildTotalsAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RecountHoursAsync(db, long.MinValue / 2, long.MaxValue / 2, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RebuildDaysAsync(cancellationToken);
    }

    /// <summary>Recomputes every per-day and per-month row from the facts, a month at a time (the same counting as the live upkeep).</summary>
    public async Task RebuildDaysAsync(CancellationToken cancellationToken = default)
    {
        long first, last;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.ReportCycles.AnyAsync(cancellationToken))
            {
                return;
            }
            first = DayKeys.MonthOf((await db.ReportCycles.MinAsync(c => c.StartedAt, cancellationToken)).UtcTicks);
            var lastStart = (await db.ReportCycles.MaxAsync(c => c.StartedAt, cancellationToken)).UtcTicks;
            var lastResolution = (await db.ReportCycles.MaxAsync(c => c.ResolvedAt, cancellationToken))?.UtcTicks ?? lastStart;
            last = Math.Max(lastStart, lastResolution);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.ReportDays.ExecuteDeleteAsync(cancellationToken);
        }
        for (var start = first; start <= last; start = DayKeys.NextMonth(start))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (from, to) = (new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(DayKeys.NextMonth(start), TimeSpan.Zero));
            var rows = new Dictionary<DayKey, DayTotals>();
            var resolved = await db.ReportCycles.AsNoTracking().Where(c => c.ResolvedAt >= from && c.ResolvedAt < to)
                .Join(db.ReportTickets, c => c.TicketId, t => t.TicketId, (c, t) => new { Cycle = c, t.Tags })
                .ToListAsync(cancellationToken);
            foreach (var c in resolved)
            {
                AddResolvedSide(rows, c.Cycle, c.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries), +1);
            }
            var created = await db.ReportCycles.AsNoTracking().Where(c => c.Cycle == 0 && c.StartedAt >= from && c.StartedAt < to)
                .Join(db.ReportTickets, c => c.TicketId, t => t.TicketId, (c, t) => new { Cycle = c, t.Tags })
                .ToListAsync(cancellationToken);
            foreach (var c in created)
            {
                AddCreatedSide(rows, c.Cycle, c.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries), +1);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (key, totals) in rows.Where(r => !r.Value.IsEmpty))
            {
                var row = new ReportDay { Month = key.Month, Day = key.Day, TeamId = key.TeamId, Channel = key.Channel, AgentId = key.AgentId };
                totals.Write(row);
                db.ReportDays.Add(row);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
