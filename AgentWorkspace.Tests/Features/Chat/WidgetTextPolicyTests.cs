using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The pre-chat and offline forms through the real widget client: the shared text policy, refusals store nothing.</summary>
[Collection(ChatCollection.Name)]
public sealed class WidgetTextPolicyTests(ChatFixture chat)
{
    private WidgetDriver Driver => chat.Driver;

    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public async Task ANameThatShowsAsNothingOrHidesAControl_IsRefused_InTheChatAndTheOfflineForm_AndNothingIsStored(string label)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await Driver.ConnectAsync(id);
        var (tickets, customers) = await CountsAsync();

        foreach (var method in new[] { "Start", "LeaveMessage" })
        {
            var error = await Driver.InvokeExpectingErrorAsync(id, method, Form(id, BadText.RefusedText(label), $"Hello ({id})", $"{method}-{id}"));
            error.ShouldContain("name", Case.Insensitive, $"{method}: {label}");
        }

        (await CountsAsync()).ShouldBe((tickets, customers), label);
    }

    [Fact]
    public async Task ANameAndMessage_AreStoredComposedAndClean_AndTheSubjectWithThem()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await Driver.ConnectAsync(id);

        var session = await Driver.InvokeAsync(id, "Start", Form(id, $"\u200BJose\u0301  Garci\u0301a {id}\uFEFF", $"\u0007Cafe\u0301 order\u0000 {id}\r\nsecond line"));

        var number = session.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32();
        await using var db = await chat.Data.DbAsync();
        var ticket = await db.Tickets.Include(t => t.Customer).Include(t => t.Messages).SingleAsync(t => t.Number == number);
        ticket.Customer.Name.ShouldBe($"José García {id}");
        ticket.Subject.ShouldBe($"Café order {id}");
        ticket.Messages.Single().Body.ShouldBe($"Café order {id}\nsecond line");
        var transcript = await Driver.HttpGetAsync("/widget/api/transcript", session.GetProperty("token").GetString());
        transcript.Body.ShouldContain($"José García {id}:");
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u0000\u0007")]
    [InlineData("\u202E")]
    [InlineData("\u0301")]
    public async Task AMessageThatShowsNothing_IsRefused_AtTheStartAndLater(string body)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await Driver.ConnectAsync(id);
        var (tickets, customers) = await CountsAsync();

        (await Driver.InvokeExpectingErrorAsync(id, "Start", Form(id, $"Visitor {id}", body))).ShouldContain("message");
        (await CountsAsync()).ShouldBe((tickets, customers));

        var session = await Driver.InvokeAsync(id, "Start", Form(id, $"Visitor {id}", "A real question"));
        var token = session.GetProperty("token").GetString();
        (await Driver.InvokeExpectingErrorAsync(id, "Send", token, $"later-{id}", body)).ShouldContain("message");
        await using var db = await chat.Data.DbAsync();
        (await db.Messages.CountAsync(m => m.ClientMessageId == $"later-{id}")).ShouldBe(0);
    }

    [Fact]
    public async Task AMessageSentLater_LosesItsControlCharacters_AndIsComposed()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await Driver.ConnectAsync(id);
        var session = await Driver.InvokeAsync(id, "Start", Form(id, $"Visitor {id}", "Hello"));

        var ack = await Driver.InvokeAsync(id, "Send", session.GetProperty("token").GetString(), $"m-{id}", "a\u0000b\u0007 cafe\u0301\tok");

        ack.GetProperty("message").GetProperty("body").GetString().ShouldBe("ab caf\u00E9\tok");
    }

    private static object Form(string id, string name, string message, string? clientId = null) => new
    {
        name,
        email = $"policy.{id}@example.com",
        message,
        language = "en",
        clientMessageId = clientId ?? $"start-{id}",
    };

    private async Task<(int Tickets, int Customers)> CountsAsync()
    {
        await using var db = await chat.Data.DbAsync();
        return (await db.Tickets.CountAsync(), await db.Customers.CountAsync());
    }
}
