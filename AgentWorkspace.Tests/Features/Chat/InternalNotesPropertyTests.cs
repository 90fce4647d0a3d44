using System.Text.Json;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>
/// Generates thousands of random mixes of replies, notes, edits, status/priority/tag changes and typing on live chats,
/// then checks everything the customers' real @microsoft/signalr clients received (every raw WebSocket frame) and every
/// widget HTTP endpoint: each public message arrives, in order, once (and edits arrive as edits), and no internal
/// content appears anywhere — not in a body, not inside another field. Internal text carries a unique marker so a
/// leak is found wherever it lands.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class InternalNotesPropertyTests(ChatFixture chat)
{
    private const int Conversations = 12;
    private const int OperationsPerConversation = 180;
    internal const string Secret = "SECRETNOTE";

    [Fact]
    public async Task RandomMixesOfRepliesNotesEditsAndChanges_DeliverEveryPublicMessage_AndNoInternalContentByAnyPath()
    {
        var seed = Environment.GetEnvironmentVariable("AW_PROPERTY_SEED") is { } s ? int.Parse(s) : Random.Shared.Next();
        var random = new Random(seed);
        var driver = chat.Driver;
        var presence = chat.App.Services.GetRequiredService<TicketPresence>();
        var agents = new[] { DemoAgents.AdminEmail, DemoAgents.RitaEmail };
        var scopes = new List<AgentScope>();
        foreach (var email in agents)
        {
            scopes.Add(await chat.Data.ScopeAsync(email));
        }

        var runs = new List<Run>();
        for (var c = 0; c < Conversations; c++)
        {
            var name = $"prop-{seed}-{c}";
            var (token, number) = await WidgetHubTests.StartAsync(driver, name, name);
            await using var db = await chat.Data.DbAsync();
            runs.Add(new Run(name, token, number, await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync()));
        }

        var operations = 0;
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (run, _) =>
        {
            var local = new Random(HashCode.Combine(seed, run.Name));
            using var watch = presence.Watch(run.TicketId, "prop-agent", "Prop Agent");
            for (var i = 0; i < OperationsPerConversation; i++)
            {
                var scope = scopes[local.Next(scopes.Count)];
                await StepAsync(run, scope, watch, presence, local, i);
                Interlocked.Increment(ref operations);
            }
            // The last word is public, so each conversation has a known end to wait for.
            (await chat.Tickets.AddAgentMessageAsync(scopes[0], run.TicketId, new AgentMessage($"END {run.Name}", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        });
        operations.ShouldBe(Conversations * OperationsPerConversation);

        foreach (var run in runs)
        {
            await driver.WaitForPushAsync(run.Name, p => p.Method == "Message" && p.Argument.GetProperty("body").GetString() == $"END {run.Name}", seconds: 30);
            await CheckConversationAsync(run, seed);
        }
    }

    private async Task StepAsync(Run run, AgentScope scope, IDisposable watch, TicketPresence presence, Random random, int step)
    {
        var roll = random.Next(100);
        switch (roll)
        {
            case < 25:
                await ReplyAsync(run, scope, PublicText(random, run, step));
                break;
            case < 50:
                var note = await chat.Tickets.AddAgentMessageAsync(scope, run.TicketId, new AgentMessage(SecretText(random, run, step), MessageVisibility.Internal));
                note.Succeeded.ShouldBeTrue(note.Error);
                lock (run) run.Notes.Add((note.Message!.Id, scope));
                break;
            case < 60:
                await EditAsync(run, random, step);
                break;
            case < 70:
                var ack = await chat.Driver.InvokeAsync(run.Name, "Send", run.Token, $"{run.Name}-c{step}", $"customer {run.Name} {step}");
                lock (run) run.Public[ack.GetProperty("message").GetProperty("seq").GetInt32()] = $"customer {run.Name} {step}";
                break;
            case < 78:
                var ticket = await chat.Data.ReadAsync(run.TicketId);
                var next = random.Next(4) switch { 0 => TicketStatus.InProgress, 1 => TicketStatus.WaitingOnCustomer, 2 => TicketStatus.OnHold, _ => TicketStatus.Resolved };
                await chat.Tickets.ExecuteAsync(scope, run.TicketId, new SetStatus(ticket.Status, next));
                break;
            case < 84:
                await chat.Tickets.ExecuteAsync(scope, run.TicketId, new AddTag($"{Secret.ToLowerInvariant()}-tag-{step}"));
                var current = await chat.Data.ReadAsync(run.TicketId);
                await chat.Tickets.ExecuteAsync(scope, run.TicketId, new SetPriority(current.Priority, (TicketPriority)random.Next(4)));
                break;
            case < 88:
                var t = await chat.Data.ReadAsync(run.TicketId);
                await chat.Tickets.ExecuteAsync(scope, run.TicketId, new SetCategory(t.Category, $"{Secret} category {step}"));
                break;
            default:
                // An agent typing a note, then a reply, then stopping.
                presence.SetTyping(watch, true, MessageVisibility.Internal);
                presence.SetTyping(watch, random.Next(2) == 0, MessageVisibility.Public);
                presence.SetTyping(watch, false);
                break;
        }
    }

    private async Task ReplyAsync(Run run, AgentScope scope, string body)
    {
        var reply = await chat.Tickets.AddAgentMessageAsync(scope, run.TicketId, new AgentMessage(body, MessageVisibility.Public));
        reply.Succeeded.ShouldBeTrue(reply.Error);
        lock (run)
        {
            run.Public[reply.Message!.Seq] = body;
            run.Replies.Add((reply.Message.Id, reply.Message.Seq, scope));
        }
    }

    private async Task EditAsync(Run run, Random random, int step)
    {
        (long Id, AgentScope Scope)? note;
        (long Id, int Seq, AgentScope Scope)? reply;
        lock (run)
        {
            note = run.Notes.Count > 0 && random.Next(2) == 0 ? run.Notes[random.Next(run.Notes.Count)] : null;
            reply = note is null && run.Replies.Count > 0 ? run.Replies[random.Next(run.Replies.Count)] : null;
        }
        if (note is { } n)
        {
            (await chat.Tickets.EditAgentMessageAsync(n.Scope, run.TicketId, n.Id, SecretText(random, run, step) + " (edited)")).Succeeded.ShouldBeTrue();
        }
        else if (reply is { } r)
        {
            var body = PublicText(random, run, step) + " (edited)";
            (await chat.Tickets.EditAgentMessageAsync(r.Scope, run.TicketId, r.Id, body)).Succeeded.ShouldBeTrue();
            lock (run) run.Public[r.Seq] = body;
        }
    }

    private async Task CheckConversationAsync(Run run, int seed)
    {
        var driver = chat.Driver;
        var because = $"conversation {run.Name}, seed {seed} (rerun with AW_PROPERTY_SEED={seed})";
        var frames = await driver.FramesAsync(run.Name);
        frames.ShouldNotBeEmpty();
        foreach (var frame in frames)
        {
            frame.ShouldNotContain(Secret, Case.Insensitive, because);
        }

        // Live: new messages in order, each once; edits as edits; the newest text of every public message is there.
        var pushes = driver.Pushes(run.Name);
        var live = pushes.Where(p => p.Method == "Message").Select(p => p.Argument.GetProperty("seq").GetInt32()).ToList();
        live.ShouldBe(live.Order().Distinct().ToList(), because);
        var latest = new Dictionary<int, string>();
        foreach (var push in pushes.Where(p => p.Method is "Message" or "MessageUpdated"))
        {
            latest[push.Argument.GetProperty("seq").GetInt32()] = push.Argument.GetProperty("body").GetString()!;
        }
        foreach (var (seq, body) in run.Public)
        {
            latest.ShouldContainKeyAndValue(seq, body, because);
        }

        // History from a fresh connection, and both widget HTTP endpoints.
        var fresh = $"{run.Name}-fresh";
        await driver.ConnectAsync(fresh);
        var history = await driver.InvokeAsync(fresh, "Resume", run.Token, null, 0);
        var historyBodies = history.GetProperty("conversation").GetProperty("messages").EnumerateArray()
            .ToDictionary(m => m.GetProperty("seq").GetInt32(), m => m.GetProperty("body").GetString()!);
        foreach (var (seq, body) in run.Public)
        {
            historyBodies.ShouldContainKeyAndValue(seq, body, because);
        }
        historyBodies.Count.ShouldBe(run.Public.Count + 2, because); // + the opening message and END
        history.GetRawText().ShouldNotContain(Secret, Case.Insensitive, because);
        (await driver.FramesAsync(fresh)).ShouldAllBe(f => !f.Contains(Secret, StringComparison.OrdinalIgnoreCase), because);
        await driver.StopAsync(fresh);

        var conversation = await driver.HttpGetAsync("/widget/api/conversation", run.Token);
        conversation.Status.ShouldBe(200);
        conversation.Body.ShouldNotContain(Secret, Case.Insensitive, because);
        var transcript = await driver.HttpGetAsync("/widget/api/transcript", run.Token);
        transcript.Status.ShouldBe(200);
        transcript.Body.ShouldNotContain(Secret, Case.Insensitive, because);
        using var parsed = JsonDocument.Parse(conversation.Body);
        var httpBodies = parsed.RootElement.GetProperty("messages").EnumerateArray()
            .ToDictionary(m => m.GetProperty("seq").GetInt32(), m => m.GetProperty("body").GetString()!);
        httpBodies.ShouldBe(historyBodies, because);
        foreach (var body in run.Public.Values)
        {
            transcript.Body.ShouldContain(body, Case.Sensitive, because);
        }
    }

    /// <summary>Replies look like notes on purpose (Markdown, links, the same words) except for the marker.</summary>
    private static string PublicText(Random random, Run run, int step) => PublicText(random, run.Name, step);

    internal static string PublicText(Random random, string name, int step) =>
        $"{Pick(random)} reply {name}/{step}/{random.Next(1_000_000)}";

    private static string SecretText(Random random, Run run, int step) => SecretText(random, run.Name, step);

    internal static string SecretText(Random random, string name, int step) =>
        random.Next(3) switch
        {
            0 => $"{Secret} {Pick(random)} {name}/{step}",
            1 => $"[{Secret} link](https://internal.example/{Secret}/{step}) **{Pick(random)}**",
            _ => $"> quoted {Pick(random)}\n\n`{Secret}-{step}` — do not tell the customer",
        };

    private static string Pick(Random random) => random.Next(6) switch
    {
        0 => "**Refund** approved",
        1 => "Check the _courier_ portal",
        2 => "Ünïcödé — contraseña 🚚",
        3 => "See [the guide](https://help.example/guide)",
        4 => "<b>html</b> & \"quotes\"",
        _ => "plain words",
    };

    private sealed class Run(string name, string token, int number, int ticketId)
    {
        public string Name => name;
        public string Token => token;
        public int Number => number;
        public int TicketId => ticketId;
        public Dictionary<int, string> Public { get; } = [];
        public List<(long Id, AgentScope Scope)> Notes { get; } = [];
        public List<(long Id, int Seq, AgentScope Scope)> Replies { get; } = [];
    }
}

/// <summary>
/// The same property over e-mail: random mixes of replies, notes, note edits and property changes on e-mail tickets, then
/// every e-mail the customers' real mailboxes received is checked. Each public reply arrives once, by e-mail, and no
/// internal content appears anywhere in any e-mail (raw, headers included).
/// </summary>
[Collection(AgentWorkspace.Tests.Features.Email.EmailCollection.Name)]
public sealed class InternalNotesEmailPropertyTests(AgentWorkspace.Tests.Features.Email.EmailFixture email)
{
    private const int Tickets = 4;
    private const int OperationsPerTicket = 50;
    private const string Secret = InternalNotesPropertyTests.Secret;

    [Fact]
    public async Task RandomMixesOfRepliesNotesEditsAndChanges_EmailEveryPublicReplyOnce_AndNoInternalContent()
    {
        var seed = Environment.GetEnvironmentVariable("AW_PROPERTY_SEED") is { } s ? int.Parse(s) : Random.Shared.Next();
        var because = $"seed {seed} (rerun with AW_PROPERTY_SEED={seed})";
        var scopes = new[] { await email.Data.ScopeAsync(DemoAgents.AdminEmail), await email.Data.ScopeAsync(DemoAgents.RitaEmail) };
        var runs = new List<(string Address, int TicketId, List<string> Replies)>();
        for (var t = 0; t < Tickets; t++)
        {
            var address = $"prop{t}-{seed}-{Guid.NewGuid():N}@customer.example";
            var first = Mail.From(address, $"Property run {t}", "Please help.");
            await email.Mail.SendAsync(first);
            runs.Add((address, (await email.WaitForStoredAsync(first.MessageId)).TicketId, []));
        }

        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (run, _) =>
        {
            var random = new Random(HashCode.Combine(seed, run.Address));
            var notes = new List<(long Id, AgentScope Scope)>();
            for (var step = 0; step < OperationsPerTicket; step++)
            {
                var scope = scopes[random.Next(scopes.Length)];
                var roll = random.Next(100);
                if (roll < 30)
                {
                    var body = InternalNotesPropertyTests.PublicText(random, run.Address, step);
                    (await email.Data.Tickets.AddAgentMessageAsync(scope, run.TicketId, new AgentMessage(body, MessageVisibility.Public))).Succeeded.ShouldBeTrue();
                    run.Replies.Add(body);
                }
                else if (roll < 60)
                {
                    var note = await email.Data.Tickets.AddAgentMessageAsync(scope, run.TicketId,
                        new AgentMessage(InternalNotesPropertyTests.SecretText(random, run.Address, step), MessageVisibility.Internal,
                            StatusAfter: random.Next(4) == 0 ? TicketStatus.WaitingOnCustomer : null));
                    note.Succeeded.ShouldBeTrue(note.Error);
                    notes.Add((note.Message!.Id, scope));
                }
                else if (roll < 70 && notes.Count > 0)
                {
                    var (id, author) = notes[random.Next(notes.Count)];
                    (await email.Data.Tickets.EditAgentMessageAsync(author, run.TicketId, id, $"{Secret} edited {step}")).Succeeded.ShouldBeTrue();
                }
                else if (roll < 85)
                {
                    var ticket = await email.Data.ReadAsync(run.TicketId);
                    var next = random.Next(4) switch { 0 => TicketStatus.InProgress, 1 => TicketStatus.WaitingOnCustomer, 2 => TicketStatus.OnHold, _ => TicketStatus.Resolved };
                    await email.Data.Tickets.ExecuteAsync(scope, run.TicketId, new SetStatus(ticket.Status, next));
                }
                else
                {
                    var ticket = await email.Data.ReadAsync(run.TicketId);
                    await email.Data.Tickets.ExecuteAsync(scope, run.TicketId,
                        [new AddTag($"{Secret.ToLowerInvariant()}-{step}"), new SetCategory(ticket.Category, $"{Secret} category {step}"), new SetPriority(ticket.Priority, (TicketPriority)random.Next(4))]);
                }
            }
            var end = $"END {run.Address}";
            (await email.Data.Tickets.AddAgentMessageAsync(scopes[0], run.TicketId, new AgentMessage(end, MessageVisibility.Public))).Succeeded.ShouldBeTrue();
            run.Replies.Add(end);
        });

        foreach (var run in runs)
        {
            var queued = await email.OutboxAsync(run.TicketId);
            var received = await email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == run.Address), count: queued.Count, seconds: 60);
            received.Count.ShouldBe(queued.Count, because);
            (await email.OutboxAsync(run.TicketId)).ShouldAllBe(o => o.State == AgentWorkspace.Features.Email.OutboxStatus.Sent, because);
            foreach (var mail in received)
            {
                mail.Raw.ShouldNotContain(Secret, Case.Insensitive, because);
                mail.Raw.ShouldNotContain("internal.example", Case.Insensitive, because);
            }
            foreach (var reply in run.Replies)
            {
                received.Count(m => m.Text.Contains(reply, StringComparison.Ordinal)).ShouldBe(1, $"{reply} — {because}");
            }
        }
    }
}
