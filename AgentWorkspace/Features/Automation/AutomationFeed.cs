using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Automation;

/// <summary>
/// Feeds triggers to the rules from what is durably stored, not from the live events: ticket history lines (created,
/// status, SLA at risk) and customer messages are read in id order after a stored cursor. The notifier only wakes it
/// up, so nothing is missed when its queue overflows or the app was down: at start it reads whatever came in since.
/// Lines a rule wrote never trigger rules (loop protection: a rule setting a status can't set off another rule).
/// One worker, so triggers run in order and a ticket's rules never race each other in this process.
/// </summary>
public sealed class AutomationFeed(
    IDbContextFactory<AppDbContext> dbFactory, AutomationEngine engine, WorkspaceNotifier notifier, ILogger<AutomationFeed> logger) : IHostedService
{
    public const string EventsCursor = "events";
    public const string MessagesCursor = "messages";
    private const int BatchSize = 100;

    private static readonly string[] WarningFields = [.. Enum.GetValues<SlaTargetKind>().Select(SlaHistory.FieldOf)];

    private const int MaxAttempts = 3;

    private readonly SemaphoreSlim wake = new(0);
    private readonly Dictionary<string, int> failures = [];
    private readonly CancellationTokenSource stopping = new();
    private IDisposable? subscription;
    private Task worker = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The cursors are placed before anything else runs, so the first start ever misses nothing after it.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await CursorAsync(db, EventsCursor, () => db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken));
            await CursorAsync(db, MessagesCursor, () => db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken));
        }
        subscription = notifier.Subscribe(Topic.Tickets, OnEventsAsync, capacity: 1024, Origins.ThisNode);
        worker = Task.Run(() => WorkAsync(stopping.Token), CancellationToken.None);
        Wake();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        await stopping.CancelAsync();
        try
        {
            await worker.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Whether every stored trigger up to now has been handed to the rules (tests wait for it).</summary>
    public async Task<bool> CaughtUpAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var cursors = await db.Set<AutomationCursor>().AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Position);
        var lastEvent = await db.TicketEvents.MaxAsync(e => (long?)e.Id) ?? 0;
        var lastMessage = await db.Messages.MaxAsync(m => (long?)m.Id) ?? 0;
        return cursors.GetValueOrDefault(EventsCursor, -1) >= lastEvent && cursors.GetValueOrDefault(MessagesCursor, -1) >= lastMessage;
    }

    private Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        // Any ticket change, message or SLA change may have stored a trigger; the cursor tells which are new.
        Wake();
        return Task.CompletedTask;
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(cancellationToken);
                while (await DrainEventsAsync(cancellationToken) | await DrainMessagesAsync(cancellationToken))
                {
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The cursor stays where it was: the next wake-up (or start) tries the same trigger again.
                logger.LogWarning(ex, "Automation rules could not run; they are retried on the next ticket change or start");
            }
        }
    }

    /// <summary>One batch of history lines; true when there may be more.</summary>
    private async Task<bool> DrainEventsAsync(CancellationToken cancellationToken)
    {
        List<(long Id, int TicketId, string Field, DateTimeOffset At)> batch;
        long last;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var position = await CursorAsync(db, EventsCursor, () => db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken));
            last = await db.TicketEvents.Where(e => e.Id > position).OrderBy(e => e.Id).Skip(BatchSize - 1).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? position;
            if (last <= position)
            {
                return false;
            }
            var rows = await db.TicketEvents.AsNoTracking()
                .Where(e => e.Id > position && e.Id <= last && e.RuleId == null
                    && (e.Field == "Created" || e.Field == "Status" || (WarningFields.Contains(e.Field) && e.NewValue == SlaHistory.Warned)))
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.TicketId, e.Field, e.CreatedAt }).ToListAsync(cancellationToken);
            batch = rows.Select(r => (r.Id, r.TicketId, r.Field, r.CreatedAt)).ToList();
        }
        foreach (var (id, ticketId, field, at) in batch)
        {
            var trigger = field switch
            {
                "Created" => RuleTrigger.TicketCreated,
                "Status" => RuleTrigger.StatusChanged,
                _ => RuleTrigger.SlaWarning,
            };
            await RunAsync(new RuleTriggerEvent(trigger, ticketId, $"e{id}", at), cancellationToken);
            await MoveAsync(EventsCursor, id, cancellationToken);
        }
        await MoveAsync(EventsCursor, last, cancellationToken);
        return true;
    }

    private async Task<bool> DrainMessagesAsync(CancellationToken cancellationToken)
    {
        List<(long Id, int TicketId, DateTimeOffset At)> batch;
        long last;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var position = await CursorAsync(db, MessagesCursor, () => db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken));
            last = await db.Messages.Where(m => m.Id > position).OrderBy(m => m.Id).Skip(BatchSize - 1).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? position;
            if (last <= position)
            {
                return false;
            }
            // The message that opens a ticket is its "created" trigger, not a customer message on it.
            var rows = await db.Messages.AsNoTracking()
                .Where(m => m.Id > position && m.Id <= last && m.AuthorKind == AuthorKind.Customer && m.Seq > 1)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.TicketId, m.CreatedAt }).ToListAsync(cancellationToken);
            batch = rows.Select(r => (r.Id, r.TicketId, r.CreatedAt)).ToList();
        }
        foreach (var (id, ticketId, at) in batch)
        {
            await RunAsync(new RuleTriggerEvent(RuleTrigger.CustomerMessage, ticketId, $"m{id}", at, id), cancellationToken);
            await MoveAsync(MessagesCursor, id, cancellationToken);
        }
        await MoveAsync(MessagesCursor, last, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs the rules on one trigger. A failure leaves the cursor before it, so the next wake-up tries again (a busy
    /// database, a restart); a trigger that fails <see cref="MaxAttempts"/> times in a row is logged and passed over, so
    /// one poisoned trigger can't hold up every ticket after it.
    /// </summary>
    private async Task RunAsync(RuleTriggerEvent trigger, CancellationToken cancellationToken)
    {
        try
        {
            await engine.RunAsync(trigger, cancellationToken);
            failures.Remove(trigger.Key);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = failures[trigger.Key] = failures.GetValueOrDefault(trigger.Key) + 1;
            if (attempts < MaxAttempts)
            {
                throw;
            }
            failures.Remove(trigger.Key);
            logger.LogError(ex, "Automation rules skipped trigger {Trigger} on ticket {TicketId} after {Attempts} failed attempts", trigger.Key, trigger.TicketId, attempts);
        }
    }

    /// <summary>
    /// The stored position; the first time ever, the stream's end, so switching automation on for an existing workspace
    /// does not run rules on years of old history.
    /// </summary>
    private static async Task<long> CursorAsync(AppDbContext db, string name, Func<Task<long?>> end)
    {
        var stored = await db.Set<AutomationCursor>().AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Position).FirstOrDefaultAsync();
        if (stored is { } found)
        {
            return found;
        }
        var position = await end();
        db.Set<AutomationCursor>().Add(new AutomationCursor { Name = name, Position = position ?? 0 });
        await db.SaveChangesAsync();
        return position ?? 0;
    }

    private async Task MoveAsync(string name, long position, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<AutomationCursor>().Where(c => c.Name == name && c.Position < position)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, position), cancellationToken);
    }
}
