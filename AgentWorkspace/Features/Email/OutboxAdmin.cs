using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Email;

/// <summary>What admins see of e-mail: whether sending is configured, the outbox by state, and a retry for failed e-mails.</summary>
public sealed class OutboxAdmin(IDbContextFactory<AppDbContext> dbFactory, OutboxSender sender, IOptionsMonitor<EmailOptions> options, TimeProvider clock)
{
    public bool CanSend => !string.IsNullOrWhiteSpace(options.CurrentValue.Smtp.Host);

    public async Task<OutboxOverview> ReadAsync(int take = 50)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var counts = await db.OutboxEmails.GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var rows = await db.OutboxEmails.AsNoTracking()
            .OrderBy(o => o.State == OutboxStatus.Sent).ThenByDescending(o => o.Id).Take(take)
            .Select(o => new OutboxRow(o.Id, o.Ticket.Number, o.Kind, o.State, o.Attempts, o.Recipient ?? o.Ticket.Customer.Email, o.LastError,
                o.CreatedAt, o.State == OutboxStatus.Queued ? o.NextAttemptAt : null, o.SentAt))
            .ToListAsync();
        return new OutboxOverview(counts.ToDictionary(c => c.Key, c => c.Count), rows);
    }

    /// <summary>Sends a failed (or bounced) e-mail again, now, with the same Message-ID.</summary>
    public async Task<bool> RetryAsync(long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var changed = await db.OutboxEmails.Where(o => o.Id == id && o.State != OutboxStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxStatus.Queued).SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAt, clock.GetUtcNow()));
        sender.Wake();
        return changed == 1;
    }
}

public sealed record OutboxOverview(IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<OutboxRow> Rows);

public sealed record OutboxRow(
    long Id, int TicketNumber, CustomerMailKind Kind, OutboxStatus State, int Attempts, string? Recipient, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt);
