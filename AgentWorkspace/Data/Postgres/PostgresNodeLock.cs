using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// Says "an app node runs on this database" in a way <c>restore</c> can see: each running node holds a session-level
/// shared advisory lock on one connection of its own, and restore takes the same lock exclusively (and holds it while
/// it restores). Looking at pg_stat_activity is not enough: an idle node's pool may have closed every connection. A
/// killed node's connection closes with it, and so does its lock. A node started during a restore waits for it.
/// </summary>
internal sealed class PostgresNodeLock(IDbContextFactory<AppDbContext> dbFactory, ILogger<PostgresNodeLock> logger) : BackgroundService
{
    /// <summary>Any constant the app uses for nothing else ("AWNODE" in ASCII); <see cref="PostgresWriteLock.Key"/> is another.</summary>
    internal const long Key = 0x4157_4E4F_4445;

    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(30);
    private NpgsqlConnection? connection;

    /// <summary>The lock is held before the node serves anything.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        connection = await AcquireAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                connection ??= await AcquireAsync(stoppingToken);
                await Task.Delay(Ping, stoppingToken);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The server restarted or the network broke: the lock went with the connection; take it again.
                logger.LogWarning(e, "Lost the connection that marks this node as running; reconnecting.");
                await DisposeConnectionAsync();
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await DisposeConnectionAsync();
    }

    private async Task<NpgsqlConnection> AcquireAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        var opened = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "AgentWorkspace node" }.ToString());
        try
        {
            await opened.OpenAsync(cancellationToken);
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock_shared({Key})", opened);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                logger.LogWarning("A restore is running on this database; this node waits for it to finish.");
                await using var waitLock = new NpgsqlCommand($"SELECT pg_advisory_lock_shared({Key})", opened) { CommandTimeout = 0 };
                await waitLock.ExecuteNonQueryAsync(cancellationToken);
            }
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    private async Task DisposeConnectionAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }
}
