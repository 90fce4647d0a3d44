using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A real mail server for the e-mail tests: smtp4dev (the repository's local dotnet tool, `dotnet tool restore`) on free
/// loopback ports, with an in-memory store in a temp folder. It speaks SMTP and IMAP. Mail to support@ and crash@ lands in
/// mailboxes of their own (read over IMAP as the users "support" and "crash"); everything else, the app's mail to
/// customers among it, lands in the default mailbox (read as "customers").
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    public const string SupportAddress = "support@nimbus.test";
    public const string CrashAddress = "crash@nimbus.test";
    public const string Password = "secret";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "aw-tests", "smtp4dev-" + Guid.NewGuid().ToString("N"));
    private Process? process;
    private readonly List<string> output = [];

    public MailServer(int? smtpPort = null)
    {
        SmtpPort = smtpPort ?? LoopbackPorts.Free();
        ImapPort = LoopbackPorts.Free();
        WebPort = LoopbackPorts.Free();
    }

    public int SmtpPort { get; }
    public int ImapPort { get; }
    public int WebPort { get; }

    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync()
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--",
            $"--baseappdatapath={folder}", "--db=", "--nousersettings", "--bindaddress=127.0.0.1", "--hostname=localhost",
            $"--smtpport={SmtpPort}", $"--imapport={ImapPort}", "--pop3port=", $"--urls=http://127.0.0.1:{WebPort}",
            "--messagestokeep=5000", "--sessionstokeep=10",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var users = new[] { ("support", "Support", SupportAddress), ("crash", "Crash", CrashAddress), ("customers", "Default", null) };
        for (var i = 0; i < users.Length; i++)
        {
            start.Environment[$"ServerOptions__Users__{i}__Username"] = users[i].Item1;
            start.Environment[$"ServerOptions__Users__{i}__Password"] = Password;
            start.Environment[$"ServerOptions__Users__{i}__DefaultMailbox"] = users[i].Item2;
        }
        start.Environment["ServerOptions__Mailboxes__0__Name"] = "Support";
        start.Environment["ServerOptions__Mailboxes__0__Recipients"] = SupportAddress;
        start.Environment["ServerOptions__Mailboxes__1__Name"] = "Crash";
        start.Environment["ServerOptions__Mailboxes__1__Recipients"] = CrashAddress;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when both ports answer (the tool restores and starts its web host first: allow a cold start).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await AcceptsAsync(SmtpPort) || !await AcceptsAsync(ImapPort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("smtp4dev did not come up (run `dotnet tool restore`):\n" + Output);
            }
            await Task.Delay(200);
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(60));
            }
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Add(line);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Delivers a message over SMTP, as any sender's mail server would.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>What one user's mailbox holds (read over IMAP without marking anything seen).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ReadAsync(string user = "customers")
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, Password);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var result = new List<ReceivedMail>();
        if (inbox.Count > 0)
        {
            var summaries = await inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags);
            foreach (var summary in summaries)
            {
                var message = await inbox.GetMessageAsync(summary.UniqueId);
                using var raw = new MemoryStream();
                await message.WriteToAsync(raw);
                result.Add(new ReceivedMail(message, System.Text.Encoding.UTF8.GetString(raw.ToArray()), summary.Flags?.HasFlag(MessageFlags.Seen) ?? false));
            }
        }
        await imap.DisconnectAsync(true);
        return result;
    }

    /// <summary>Waits until a mailbox holds a message that matches (the app sends in the background).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<ReceivedMail, bool> match, int count = 1, string user = "customers", int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = (await ReadAsync(user)).Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{found.Count} of {count} expected e-mails arrived in {seconds} s");
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        WorkspaceAppFactory.TryDeleteDirectory(folder);
    }
}

public sealed record ReceivedMail(MimeMessage Message, string Raw, bool Seen)
{
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
}

public static class Mail
{
    /// <summary>A customer's e-mail to the support address, with a fresh Message-ID.</summary>
    public static MimeMessage From(string fromAddress, string subject, string text, string to = MailServer.SupportAddress, string? name = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example") };
        message.From.Add(new MailboxAddress(name ?? fromAddress.Split('@')[0], fromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>A reply to <paramref name="original"/> as a mail client writes it: In-Reply-To and References.</summary>
    public static MimeMessage ReplyTo(MimeMessage original, string fromAddress, string text, string? subject = null)
    {
        var reply = From(fromAddress, subject ?? "Re: " + original.Subject, text);
        reply.InReplyTo = original.MessageId;
        foreach (var id in original.References)
        {
            reply.References.Add(id);
        }
        reply.References.Add(original.MessageId!);
        return reply;
    }
}
