using System.Collections.Concurrent;
using AgentWorkspace.Realtime.Cluster;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// Reads each enabled mailbox over IMAP: every unseen message is stored (<see cref="MailIngest"/>) and only then marked
/// \Seen, so a stop in between loses nothing (the message is read again, and its Message-ID makes that a no-op). Waits
/// for new mail with IDLE where the server offers it, otherwise checks every Email:PollInterval; reconnects after
/// errors with a growing pause.
/// </summary>
public sealed class MailboxReader(
    MailIngest ingest, IOptionsMonitor<EmailOptions> options, MailboxStatusBoard status, ClusterLeases leases, ILogger<MailboxReader> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mailboxes = options.CurrentValue.Mailboxes.Where(m => m.Enabled && !string.IsNullOrWhiteSpace(m.Host)).ToList();
        foreach (var mailbox in options.CurrentValue.Mailboxes.Except(mailboxes))
        {
            status.Set(mailbox.Name, MailboxState.Off, null);
        }
        return Task.WhenAll(mailboxes.Select(m => RunAsync(m, stoppingToken)));
    }

    private async Task RunAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(mailbox, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                status.Set(mailbox.Name, MailboxState.Error, e.Message);
                log.LogWarning(e, "Mailbox {Mailbox}: {Error}; reconnecting", mailbox.Name, e.Message);
                var pause = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(failures, 9))));
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ReadAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        status.Set(mailbox.Name, MailboxState.Connecting, null);
        await client.ConnectAsync(mailbox.Host!, mailbox.Port, mailbox.Security, stoppingToken);
        if (!string.IsNullOrEmpty(mailbox.User))
        {
            await client.AuthenticateAsync(mailbox.User, mailbox.Password ?? "", stoppingToken);
        }
        var folder = await client.GetFolderAsync(mailbox.Folder, stoppingToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, stoppingToken);
        var settings = options.CurrentValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await FetchUnseenAsync(mailbox, folder, stoppingToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                status.Set(mailbox.Name, MailboxState.Idle, null);
                using var done = new CancellationTokenSource(settings.IdleRefresh);
                void Arrived(object? sender, EventArgs e) => done.Cancel();
                folder.CountChanged += Arrived;
                try
                {
                    await client.IdleAsync(done.Token, stoppingToken);
                }
                finally
                {
                    folder.CountChanged -= Arrived;
                }
            }
            else
            {
                status.Set(mailbox.Name, MailboxState.Polling, null);
                await Task.Delay(settings.PollInterval, stoppingToken);
                await client.NoOpAsync(stoppingToken);
            }
        }
        await client.DisconnectAsync(true, CancellationToken.None);
    }

    private async Task FetchUnseenAsync(MailboxOptions mailbox, IMailFolder folder, CancellationToken stoppingToken)
    {
        // Several app nodes all watch the mailbox; one reads it at a time (the Message-ID check then only meets real repeats).
        if (!await leases.HoldAsync($"mailbox:{mailbox.Name}", TimeSpan.FromMinutes(2)))
        {
            return;
        }
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, stoppingToken);
        string? failure = null;
        foreach (var uid in unseen)
        {
            var message = await folder.GetMessageAsync(uid, stoppingToken);
            IngestOutcome outcome;
            try
            {
                outcome = await ingest.IngestAsync(message, mailbox, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left unseen, so it is tried again on the next pass; one message that can't be stored blocks no other.
                failure = e.Message;
                log.LogWarning(e, "Mailbox {Mailbox}: message {Uid} ({MessageId}) not stored, will retry: {Error}", mailbox.Name, uid, message.MessageId, e.Message);
                continue;
            }
            // Stored (or found stored) first, marked seen after: a stop between the two reads it again, harmlessly.
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, stoppingToken);
            status.Read(mailbox.Name, outcome);
        }
        status.Checked(mailbox.Name, failure);
    }
}

public enum MailboxState
{
    Off,
    Connecting,
    Idle,
    Polling,
    Error,
}

/// <summary>What each mailbox reader is doing, for the admins' e-mail page.</summary>
public sealed class MailboxStatusBoard(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, MailboxStatus> byName = new();

    public IReadOnlyList<MailboxStatus> All => byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>The reader's state; an error stays shown until a later pass goes through without one.</summary>
    internal void Set(string name, MailboxState state, string? error) =>
        byName.AddOrUpdate(name, _ => new MailboxStatus(name, state, error, null, 0), (_, old) => old with { State = state, LastError = error ?? old.LastError });

    /// <summary>A pass over the unseen messages ended; <paramref name="failure"/> is why one of them could not be stored.</summary>
    internal void Checked(string name, string? failure) =>
        byName.AddOrUpdate(name, _ => new MailboxStatus(name, MailboxState.Connecting, failure, clock.GetUtcNow(), 0),
            (_, old) => old with { LastCheckedAt = clock.GetUtcNow(), LastError = failure });

    internal void Read(string name, IngestOutcome outcome)
    {
        if (outcome == IngestOutcome.Stored)
        {
            byName.AddOrUpdate(name, _ => new MailboxStatus(name, MailboxState.Connecting, null, null, 1), (_, old) => old with { Stored = old.Stored + 1 });
        }
    }
}

public sealed record MailboxStatus(string Name, MailboxState State, string? LastError, DateTimeOffset? LastCheckedAt, int Stored);
