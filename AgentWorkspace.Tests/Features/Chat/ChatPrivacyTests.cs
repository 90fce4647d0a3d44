using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>Visitors who type no e-mail are strangers to each other: never one customer, never each other's name.</summary>
[Collection(ChatCollection.Name)]
public sealed class ChatPrivacyTests(ChatFixture chat)
{
    private WidgetDriver Driver => chat.Driver;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task TwoVisitorsWithoutAnEmail_AreTwoCustomers_AndEachTranscriptShowsOnlyTheirOwnName(string? email)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync($"a-{id}", $"Alma {id}", email, $"Where is my parcel? ({id})");
        var second = await StartAsync($"b-{id}", $"Bruno {id}", email, $"Can I change my size? ({id})");

        await using var db = await chat.Data.DbAsync();
        var firstTicket = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == first.Number);
        var secondTicket = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == second.Number);
        secondTicket.CustomerId.ShouldNotBe(firstTicket.CustomerId);
        firstTicket.Customer.Name.ShouldBe($"Alma {id}");
        secondTicket.Customer.Name.ShouldBe($"Bruno {id}");
        firstTicket.Customer.Email.ShouldBeNull("a blank e-mail is no e-mail");
        secondTicket.Customer.Email.ShouldBeNull();
        (await db.Tickets.CountAsync(t => t.CustomerId == secondTicket.CustomerId)).ShouldBe(1, "the second visitor has no other tickets");

        var firstTranscript = await Driver.HttpGetAsync("/widget/api/transcript", first.Token);
        var secondTranscript = await Driver.HttpGetAsync("/widget/api/transcript", second.Token);
        firstTranscript.Status.ShouldBe(200);
        secondTranscript.Status.ShouldBe(200);
        firstTranscript.Body.ShouldContain($"Alma {id}:");
        firstTranscript.Body.ShouldNotContain($"Bruno {id}");
        secondTranscript.Body.ShouldContain($"Bruno {id}:");
        secondTranscript.Body.ShouldNotContain($"Alma {id}");
        secondTranscript.Body.ShouldNotContain($"Where is my parcel? ({id})");
    }

    [Fact]
    public async Task AReturningVisitor_IsMatchedOnTheirEmail_WhateverItsCaseAndSurroundingSpaces()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync($"r1-{id}", $"Rosa {id}", $"Rosa.{id}@Example.com", "First visit");
        var again = await StartAsync($"r2-{id}", $"Rosa {id}", $"  rosa.{id}@EXAMPLE.COM ", "Second visit");

        await using var db = await chat.Data.DbAsync();
        var firstTicket = await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == first.Number);
        var againTicket = await db.Tickets.SingleAsync(t => t.Number == again.Number);
        againTicket.CustomerId.ShouldBe(firstTicket.CustomerId);
        firstTicket.Customer.Email.ShouldBe($"Rosa.{id}@Example.com", "the address is kept as first typed");
    }

    private async Task<(string Token, int Number)> StartAsync(string connection, string name, string? email, string message)
    {
        await Driver.ConnectAsync(connection);
        var session = await Driver.InvokeAsync(connection, "Start", new
        {
            name,
            email,
            message,
            language = "en",
            clientMessageId = $"start-{connection}",
        });
        return (session.GetProperty("token").GetString()!, session.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32());
    }
}
