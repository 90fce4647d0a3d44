using System.Security.Cryptography;
using System.Text;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The customer hub through the real @microsoft/signalr client: tickets, tokens, delivery, identity.</summary>
[Collection(ChatCollection.Name)]
public sealed class WidgetHubTests(ChatFixture chat)
{
    private WidgetDriver Driver => chat.Driver;

    internal static object StartForm(string id, string? identity = null, string? email = null, string? message = null) => new
    {
        name = $"Visitor {id}",
        email = email ?? $"visitor.{id}@example.com",
        message = message ?? $"Hello from {id}",
        language = "en",
        clientMessageId = $"start-{id}",
        identity,
    };

    internal static async Task<(string Token, int Number)> StartAsync(WidgetDriver driver, string connection, string id, string? identity = null, string? email = null)
    {
        await driver.ConnectAsync(connection);
        var session = await driver.InvokeAsync(connection, "Start", StartForm(id, identity, email));
        return (session.GetProperty("token").GetString()!, session.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32());
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Start_OpensAChatTicket_ForAnUnverifiedCustomer_AndStoresOnlyTheTokensHash()
    {
        var id = NewId();
        await Driver.ConnectAsync(id);

        var session = await Driver.InvokeAsync(id, "Start", StartForm(id));

        var token = session.GetProperty("token").GetString()!;
        token.ShouldStartWith("awc_");
        var conversation = session.GetProperty("conversation");
        conversation.GetProperty("ticket").GetProperty("status").GetString().ShouldBe("open");
        conversation.GetProperty("isVerified").GetBoolean().ShouldBeFalse();
        var first = conversation.GetProperty("messages").EnumerateArray().Single();
        first.GetProperty("body").GetString().ShouldBe($"Hello from {id}");
        first.GetProperty("author").GetString().ShouldBe("customer");

        await using var db = await chat.Data.DbAsync();
        var number = conversation.GetProperty("ticket").GetProperty("number").GetInt32();
        var ticket = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == number);
        ticket.Channel.ShouldBe(TicketChannel.Chat);
        ticket.Customer.IsVerified.ShouldBeFalse();
        ticket.Customer.Email.ShouldBe($"visitor.{id}@example.com");
        var stored = await db.ChatConversations.SingleAsync(c => c.TicketId == ticket.Id);
        stored.TokenHash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    [Fact]
    public async Task ARetriedStart_WithTheSameClientId_ContinuesTheSameTicket()
    {
        var id = NewId();
        await Driver.ConnectAsync(id);
        var first = await Driver.InvokeAsync(id, "Start", StartForm(id));
        var again = await Driver.InvokeAsync(id, "Start", StartForm(id));

        var number = first.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32();
        again.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32().ShouldBe(number);
        again.GetProperty("conversation").GetProperty("messages").GetArrayLength().ShouldBe(1);
        // The first answer was lost, so its token is replaced: only the newest one works.
        (await Driver.InvokeExpectingErrorAsync(id, "Resume", first.GetProperty("token").GetString(), null, 0)).ShouldContain("does not exist");
        await Driver.InvokeAsync(id, "Resume", again.GetProperty("token").GetString(), null, 0);
    }

    [Fact]
    public async Task AToken_ReachesItsOwnConversationOnly_OverTheHubAndOverHttp()
    {
        var a = NewId();
        var b = NewId();
        var (tokenA, numberA) = await StartAsync(Driver, a, a);
        var (tokenB, numberB) = await StartAsync(Driver, b, b);
        var tampered = tokenB[..^1] + (tokenB[^1] == 'A' ? 'B' : 'A');

        foreach (var bad in new[] { tampered, "", "awc_", "not-a-token", tokenB.ToUpperInvariant(), new string('x', 5000) })
        {
            (await Driver.InvokeExpectingErrorAsync(a, "Resume", bad, null, 0)).ShouldContain("does not exist");
            (await Driver.InvokeExpectingErrorAsync(a, "Send", bad, $"c-{NewId()}", "hi")).ShouldContain("does not exist");
            (await Driver.HttpGetAsync("/widget/api/conversation", bad)).Status.ShouldBe(404);
            (await Driver.HttpGetAsync("/widget/api/transcript", bad)).Status.ShouldBe(404);
        }
        (await Driver.HttpGetAsync("/widget/api/conversation", null)).Status.ShouldBe(404);

        var ownView = await Driver.HttpGetAsync("/widget/api/conversation", tokenA);
        ownView.Status.ShouldBe(200);
        ownView.Body.ShouldContain($"Hello from {a}");
        ownView.Body.ShouldNotContain($"Hello from {b}");

        // A's connection never hears B's conversation.
        var scope = await chat.Data.ScopeAsync(Infrastructure.DemoAgents.AdminEmail);
        var ticketB = await TicketIdAsync(numberB);
        (await chat.Tickets.AddAgentMessageAsync(scope, ticketB, new AgentMessage($"Only for B {b}", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        await Driver.WaitForPushAsync(b, p => p.Method == "Message" && p.Argument.GetProperty("body").GetString() == $"Only for B {b}");
        (await Driver.FramesAsync(a)).ShouldAllBe(frame => !frame.Contains($"Only for B {b}"));
        numberA.ShouldNotBe(numberB);
    }

    [Fact]
    public async Task Send_IsIdempotentPerClientMessageId_AndSequencesInOrder()
    {
        var id = NewId();
        var (token, number) = await StartAsync(Driver, id, id);

        var first = await Driver.InvokeAsync(id, "Send", token, $"m-{id}-1", "one");
        var retry = await Driver.InvokeAsync(id, "Send", token, $"m-{id}-1", "one");
        var seqs = new List<int> { first.GetProperty("message").GetProperty("seq").GetInt32() };
        for (var i = 2; i <= 15; i++)
        {
            var ack = await Driver.InvokeAsync(id, "Send", token, $"m-{id}-{i}", $"message {i}");
            seqs.Add(ack.GetProperty("message").GetProperty("seq").GetInt32());
        }

        retry.GetProperty("message").GetProperty("seq").GetInt32().ShouldBe(seqs[0]);
        seqs.ShouldBe(Enumerable.Range(seqs[0], 15).ToList());
        await using var db = await chat.Data.DbAsync();
        var ticketId = await TicketIdAsync(number);
        (await db.Messages.CountAsync(m => m.TicketId == ticketId && m.ClientMessageId == $"m-{id}-1")).ShouldBe(1);
    }

    [Fact]
    public async Task BadMessages_GetClearErrors_AndStoreNothing()
    {
        var id = NewId();
        var (token, number) = await StartAsync(Driver, id, id);
        var ticketId = await TicketIdAsync(number);

        (await Driver.InvokeExpectingErrorAsync(id, "Send", token, $"x-{id}", new string('a', MessageLimits.MaxBodyLength + 1)))
            .ShouldContain("the limit is 10,000");
        (await Driver.InvokeExpectingErrorAsync(id, "Send", token, $"y-{id}", "   ")).ShouldContain("empty");
        (await Driver.InvokeExpectingErrorAsync(id, "Send", token, new string('z', 65), "hello")).ShouldContain("client message id");
        (await Driver.InvokeExpectingErrorAsync(id, "Start", new { name = "", email = "a@b.co", message = "x", clientMessageId = "s1" })).ShouldContain("name");
        (await Driver.InvokeExpectingErrorAsync(id, "LeaveMessage", new { name = "N", email = "not-an-email", message = "x", clientMessageId = "s2" })).ShouldContain("e-mail");

        await using var db = await chat.Data.DbAsync();
        (await db.Messages.CountAsync(m => m.TicketId == ticketId)).ShouldBe(1);
        // The connection is still usable after refusals.
        await Driver.InvokeAsync(id, "Send", token, $"ok-{id}", "still here");
    }

    [Fact]
    public async Task AForcedDisconnectMidStream_LosesAndDuplicatesNothing_AfterResumingFromTheLastSeq()
    {
        var id = NewId();
        var (token, number) = await StartAsync(Driver, id, id);
        var ticketId = await TicketIdAsync(number);
        var scope = await chat.Data.ScopeAsync(Infrastructure.DemoAgents.AdminEmail);

        var replies = Task.Run(async () =>
        {
            for (var i = 1; i <= 40; i++)
            {
                (await chat.Tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage($"stream {i}", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
                if (i % 3 == 0)
                {
                    await chat.Tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage($"note {i}", MessageVisibility.Internal));
                }
                await Task.Delay(10);
            }
        });
        await Driver.WaitForPushAsync(id, p => p.Method == "Message" && p.Argument.GetProperty("body").GetString() == "stream 5");
        await Driver.DropAsync(id);
        await replies;
        await WaitForReconnectAsync(id);

        var seen = Driver.Pushes(id).Where(p => p.Method == "Message").Select(p => p.Argument.GetProperty("seq").GetInt32()).ToList();
        seen.ShouldBe(seen.Order().Distinct().ToList(), "pushes arrive in sequence order, each once");
        var resumed = await Driver.InvokeAsync(id, "Resume", token, number, seen.Max());
        resumed.GetProperty("continued").GetBoolean().ShouldBeTrue();
        var missed = resumed.GetProperty("conversation").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()!).ToList();

        var received = Driver.Pushes(id).Where(p => p.Method == "Message").Select(p => p.Argument.GetProperty("body").GetString()!).Concat(missed).ToList();
        received.Where(b => b.StartsWith("stream ", StringComparison.Ordinal)).ShouldBe(Enumerable.Range(1, 40).Select(i => $"stream {i}"));
        received.ShouldNotContain(b => b.StartsWith("note "));
    }

    [Fact]
    public async Task AVerifiedVisitor_IsTheSitesUser_AndAnUnverifiedOneWithTheSameEmail_IsNeverMergedIntoThem()
    {
        var id = NewId();
        var email = $"verified.{id}@example.com";
        var identity = IdentityVerifier.Issue(ChatFixture.IdentitySecret, $"user-{id}", email, $"Verified {id}", DateTimeOffset.UtcNow.AddMinutes(10));

        var (_, verifiedNumber) = await StartAsync(Driver, $"v-{id}", $"v-{id}", identity);
        var (_, secondNumber) = await StartAsync(Driver, $"v2-{id}", $"v2-{id}", identity);
        var (_, impostorNumber) = await StartAsync(Driver, $"u-{id}", $"u-{id}", email: email);

        await using var db = await chat.Data.DbAsync();
        var verified = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == verifiedNumber);
        var second = await db.Tickets.SingleAsync(t => t.Number == secondNumber);
        var impostor = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == impostorNumber);
        verified.Customer.IsVerified.ShouldBeTrue();
        verified.Customer.ExternalId.ShouldBe($"user-{id}");
        second.CustomerId.ShouldBe(verified.CustomerId);
        impostor.CustomerId.ShouldNotBe(verified.CustomerId);
        impostor.Customer.IsVerified.ShouldBeFalse();
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("garbage")]
    [InlineData("too-long-lived")]
    public async Task ABadIdentityToken_IsRefused_AndOpensNothing(string kind)
    {
        var id = NewId();
        var token = kind switch
        {
            "expired" => IdentityVerifier.Issue(ChatFixture.IdentitySecret, "u1", "a@example.com", "A", DateTimeOffset.UtcNow.AddMinutes(-1)),
            "forged" => IdentityVerifier.Issue("some-other-secret", "u1", "a@example.com", "A", DateTimeOffset.UtcNow.AddMinutes(10)),
            "too-long-lived" => IdentityVerifier.Issue(ChatFixture.IdentitySecret, "u1", "a@example.com", "A", DateTimeOffset.UtcNow.AddDays(30)),
            _ => "eyJzdWIiOiJ1MSJ9.not-a-signature.extra",
        };
        await Driver.ConnectAsync(id);
        await using var before = await chat.Data.DbAsync();
        var tickets = await before.Tickets.CountAsync();

        (await Driver.InvokeExpectingErrorAsync(id, "Start", StartForm(id, token))).ShouldContain("identity token");

        await using var after = await chat.Data.DbAsync();
        (await after.Tickets.CountAsync()).ShouldBe(tickets);
    }

    [Fact]
    public async Task Typing_GoesBothWays_ButAnAgentTypingANoteIsNeverShownToTheCustomer()
    {
        var id = NewId();
        var (token, number) = await StartAsync(Driver, id, id);
        var ticketId = await TicketIdAsync(number);
        var presence = chat.App.Services.GetRequiredService<TicketPresence>();

        await Driver.InvokeAsync(id, "Typing", token, true);
        presence.IsCustomerTyping(ticketId).ShouldBeTrue();
        await Driver.InvokeAsync(id, "Typing", token, false);
        presence.IsCustomerTyping(ticketId).ShouldBeFalse();

        using var watch = presence.Watch(ticketId, "agent-x", "Agent X");
        presence.SetTyping(watch, true, MessageVisibility.Internal);
        presence.SetTyping(watch, false);
        presence.SetTyping(watch, true, MessageVisibility.Public);
        var shown = await Driver.WaitForPushAsync(id, p => p.Method == "Typing" && p.Argument.GetProperty("isTyping").GetBoolean());

        shown.Argument.GetProperty("agentName").GetString().ShouldBe("Agent X");
        Driver.Pushes(id).Where(p => p.Method == "Typing" && p.Argument.GetProperty("isTyping").GetBoolean()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AMessageAfterTheTicketClosed_ContinuesTheChatOnAFollowUp()
    {
        var id = NewId();
        var (token, number) = await StartAsync(Driver, id, id);
        var ticketId = await TicketIdAsync(number);
        var scope = await chat.Data.ScopeAsync(Infrastructure.DemoAgents.AdminEmail);
        (await chat.Tickets.ExecuteAsync(scope, ticketId, new SetStatus(TicketStatus.Open, TicketStatus.Closed))).Succeeded.ShouldBeTrue();

        var ack = await Driver.InvokeAsync(id, "Send", token, $"after-{id}", "One more thing");

        var followUp = ack.GetProperty("ticket").GetProperty("number").GetInt32();
        followUp.ShouldNotBe(number);
        var resumed = await Driver.InvokeAsync(id, "Resume", token, number, 1);
        resumed.GetProperty("continued").GetBoolean().ShouldBeFalse();
        resumed.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32().ShouldBe(followUp);
        var followUpId = await TicketIdAsync(followUp);
        (await chat.Tickets.AddAgentMessageAsync(scope, followUpId, new AgentMessage($"On the follow-up {id}", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        await Driver.WaitForPushAsync(id, p => p.Method == "Message" && p.Argument.GetProperty("body").GetString() == $"On the follow-up {id}");
    }

    private async Task WaitForReconnectAsync(string connection)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await Driver.InvokeAsync(connection, "Hello");
                return;
            }
            catch (WidgetDriverException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task<int> TicketIdAsync(int number)
    {
        await using var db = await chat.Data.DbAsync();
        return await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
    }
}
