using System.Diagnostics;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using EmailBench;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

// E-mail benchmark. usage: EmailBench --db <sqlite file, used in place> [--conversations 4000] (see run.sh)
var dbPath = Path.GetFullPath(ArgValue("--db") ?? throw new ArgumentException("--db <path> is required"));
var conversations = int.Parse(ArgValue("--conversations") ?? "4000", System.Globalization.CultureInfo.InvariantCulture);
var repo = ArgValue("--repo") ?? Directory.GetCurrentDirectory();

await using var server = new Smtp4Dev(repo, MailPlan.SupportAddress);
await server.StartAsync();
Console.WriteLine($"smtp4dev on SMTP {server.SmtpPort}, IMAP {server.ImapPort}");

using var host = BuildHost(dbPath, server);
var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
await using (var db = await dbFactory.CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
    Console.WriteLine($"database: {await db.Tickets.CountAsync():N0} tickets, {await db.Customers.CountAsync():N0} customers before the run");
}
var plan = new MailPlan(conversations, new Random(7));
var firstWave = plan.FirstWave();
Console.WriteLine($"first wave: {firstWave.Count:N0} e-mails ({plan.Describe(firstWave)})");

// Delivered first, read after: "time to ingest" is the reader's alone, from a full mailbox.
var deliver = Stopwatch.StartNew();
await server.DeliverAsync(firstWave.Select(m => m.Mime));
Console.WriteLine($"delivered over SMTP in {deliver.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"load average before reading: {LoadAverage()}");

var reader = host.Services.GetRequiredService<MailboxReader>();
var sender = host.Services.GetRequiredService<OutboxSender>();
var read = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
await reader.StartAsync(CancellationToken.None);
await sender.StartAsync(CancellationToken.None);
await WaitForInboundAsync(firstWave.Count, TimeSpan.FromMinutes(60));
var firstRead = read.Elapsed;
var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
Console.WriteLine($"first wave stored in {firstRead.TotalSeconds:F1} s: {firstWave.Count / firstRead.TotalSeconds:F1} e-mails/s, process CPU {firstCpu.TotalSeconds:F0} s; load {LoadAverage()}");

// The outbox: every personal new conversation got a "we received your request" e-mail queued in its ticket's transaction.
var outboxDrain = Stopwatch.StartNew();
var outboxCount = await WaitForOutboxAsync(TimeSpan.FromMinutes(30));
var (firstSent, lastSent) = await SentSpanAsync();
Console.WriteLine($"outbox: {outboxCount:N0} e-mails sent; {outboxCount / Math.Max(1, (lastSent - firstSent).TotalMinutes):F0} per minute between first and last send ({(lastSent - firstSent).TotalSeconds:F0} s), drained {outboxDrain.Elapsed.TotalSeconds:F0} s after the first wave was stored");

// The second wave answers what the app sent: replies to its e-mails, subject-only replies, auto-replies.
var sent = await OutboundAsync();
var secondWave = plan.SecondWave(sent, (await StoredAsync()).ToDictionary(m => MailPlan.Bare(m.InternetMessageId), m => m.TicketId));
Console.WriteLine($"second wave: {secondWave.Count:N0} e-mails ({plan.Describe(secondWave)})");
await server.DeliverAsync(secondWave.Select(m => m.Mime));
read.Restart();
await WaitForInboundAsync(firstWave.Count + secondWave.Count, TimeSpan.FromMinutes(30));
Console.WriteLine($"second wave stored in {read.Elapsed.TotalSeconds:F1} s: {secondWave.Count / read.Elapsed.TotalSeconds:F1} e-mails/s");
var total = firstRead + read.Elapsed;
Console.WriteLine($"all {firstWave.Count + secondWave.Count:N0} inbound e-mails stored in {total.TotalSeconds:F0} s of reading ({(firstWave.Count + secondWave.Count) / total.TotalSeconds:F1} e-mails/s)");

await reader.StopAsync(CancellationToken.None);
await sender.StopAsync(CancellationToken.None);

await using (var db = await dbFactory.CreateDbContextAsync())
{
    var received = (await db.OutboxEmails.Where(o => o.Kind == CustomerMailKind.Received).Select(o => o.TicketId).ToListAsync()).ToHashSet();
    var report = MailPlan.Check(firstWave.Concat(secondWave).ToList(), await StoredAsync(), received);
    Console.WriteLine();
    Console.WriteLine(report);
}
return 0;

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

async Task WaitForInboundAsync(int expected, TimeSpan limit)
{
    var deadline = Stopwatch.StartNew();
    var last = -1;
    while (deadline.Elapsed < limit)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var count = await db.EmailMessages.CountAsync(e => e.Direction == EmailDirection.Inbound);
        if (count >= expected)
        {
            return;
        }
        if (count / 1000 != last / 1000)
        {
            Console.WriteLine($"  {count:N0} stored after {deadline.Elapsed.TotalSeconds:F0} s");
        }
        last = count;
        await Task.Delay(500);
    }
    throw new TimeoutException($"fewer than {expected} inbound e-mails stored after {limit}");
}

async Task<int> WaitForOutboxAsync(TimeSpan limit)
{
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < limit)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var waiting = await db.OutboxEmails.CountAsync(o => o.State == OutboxStatus.Queued);
        if (waiting == 0)
        {
            return await db.OutboxEmails.CountAsync(o => o.State == OutboxStatus.Sent);
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("the outbox did not drain");
}

async Task<(DateTimeOffset First, DateTimeOffset Last)> SentSpanAsync()
{
    await using var db = await dbFactory.CreateDbContextAsync();
    var times = await db.OutboxEmails.Where(o => o.SentAt != null).Select(o => o.SentAt!.Value).ToListAsync();
    return times.Count == 0 ? (default, default) : (times.Min(), times.Max());
}

async Task<List<StoredMail>> StoredAsync()
{
    await using var db = await dbFactory.CreateDbContextAsync();
    return await db.EmailMessages.AsNoTracking().Where(e => e.Direction == EmailDirection.Inbound)
        .Select(e => new StoredMail(e.InternetMessageId, e.TicketId, e.MessageId != null ? e.Message!.AuthorKind : (AuthorKind?)null))
        .ToListAsync();
}

async Task<List<SentMail>> OutboundAsync()
{
    await using var db = await dbFactory.CreateDbContextAsync();
    return await db.OutboxEmails.AsNoTracking().Where(o => o.State == OutboxStatus.Sent && o.Kind == CustomerMailKind.Received)
        .Select(o => new SentMail(o.TicketId, o.Ticket.Number, o.EmailMessage.InternetMessageId, o.EmailMessage.Subject ?? "", o.Recipient ?? ""))
        .ToListAsync();
}

static IHost BuildHost(string dbPath, Smtp4Dev server)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        ContentRootPath = Path.GetDirectoryName(dbPath),
        EnvironmentName = "Production",
        DisableDefaults = true,
    });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Workspace"] = $"Data Source={dbPath}",
        ["Email:FromAddress"] = MailPlan.SupportAddress,
        ["Email:FromName"] = "Bench Support",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = nameof(SecureSocketOptions.None),
        ["Email:Mailboxes:0:Name"] = "Support",
        ["Email:Mailboxes:0:Enabled"] = "true",
        ["Email:Mailboxes:0:Host"] = "127.0.0.1",
        ["Email:Mailboxes:0:Port"] = server.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Mailboxes:0:Security"] = nameof(SecureSocketOptions.None),
        ["Email:Mailboxes:0:User"] = Smtp4Dev.SupportUser,
        ["Email:Mailboxes:0:Password"] = Smtp4Dev.Password,
        ["Email:Mailboxes:0:Address"] = MailPlan.SupportAddress,
        // Many conversations per customer in a short time: the hourly brake on automatic replies stays out of the figures.
        ["Email:MaxAutomaticRepliesPerHour"] = "1000",
    });
    builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    builder.Services.AddLocalization();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.AddWorkspaceData();
    builder.Services.AddSingleton<WorkspaceNotifier>();
    builder.Services.AddAgents();
    builder.Services.AddPresence();
    builder.Services.AddNotifications();
    builder.Services.AddTickets();
    builder.Services.AddChat(builder.Configuration);
    builder.Services.AddEmail(builder.Configuration);
    return builder.Build();
}

internal sealed record StoredMail(string InternetMessageId, int TicketId, AuthorKind? Author);

internal sealed record SentMail(int TicketId, int Number, string InternetMessageId, string Subject, string Recipient);

/// <summary>A real smtp4dev from the repository's tool manifest, on free loopback ports, in-memory, in a temp folder.</summary>
internal sealed class Smtp4Dev(string repo, string supportAddress) : IAsyncDisposable
{
    public const string SupportUser = "support";
    public const string Password = "secret";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "emailbench-smtp4dev-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int SmtpPort { get; } = FreePort();
    public int ImapPort { get; } = FreePort();

    public async Task StartAsync()
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--baseappdatapath={folder}", "--db=", "--nousersettings", "--bindaddress=127.0.0.1",
            "--hostname=localhost", $"--smtpport={SmtpPort}", $"--imapport={ImapPort}", "--pop3port=", $"--urls=http://127.0.0.1:{FreePort()}",
            "--messagestokeep=30000", "--sessionstokeep=10",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ServerOptions__Users__0__Username"] = SupportUser;
        start.Environment["ServerOptions__Users__0__Password"] = Password;
        start.Environment["ServerOptions__Users__0__DefaultMailbox"] = "Support";
        start.Environment["ServerOptions__Users__1__Username"] = "customers";
        start.Environment["ServerOptions__Users__1__Password"] = Password;
        start.Environment["ServerOptions__Users__1__DefaultMailbox"] = "Default";
        start.Environment["ServerOptions__Mailboxes__0__Name"] = "Support";
        start.Environment["ServerOptions__Mailboxes__0__Recipients"] = supportAddress;
        process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Accepts(SmtpPort) || !Accepts(ImapPort))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new InvalidOperationException("smtp4dev did not come up (run `dotnet tool restore`)");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>One SMTP session for the lot, as a busy sender's mail server would keep one open.</summary>
    public async Task DeliverAsync(IEnumerable<MimeMessage> messages)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
