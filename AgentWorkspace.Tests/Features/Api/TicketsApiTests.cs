using System.Net;
using System.Net.Http.Json;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

[Collection(ApiCollection.Name)]
public sealed class TicketsApiTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task ATicketCreatedThroughTheApi_CanBeRead_Answered_AndResolved()
    {
        using var http = await app.ApiClientAsync();
        var email = $"Jordan.{Guid.NewGuid():N}@Example.com";

        var create = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Refund for order 5521",
            body = "I was charged **twice**.",
            // Not a Spanish web-form request: the demo's rule tags those a moment after creation, which would change the
            // ticket's version between this test's read and its PATCH with expectedVersion.
            channel = "Email",
            priority = "High",
            customer = new { email, name = "Jordan Lee", language = "es" },
        });

        create.StatusCode.ShouldBe(HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        var created = await create.JsonAsync();
        var number = created["number"]!.GetValue<int>();
        create.Headers.Location!.ToString().ShouldBe($"/api/v1/tickets/{number}");
        created["status"]!.GetValue<string>().ShouldBe("Open");
        created["channel"]!.GetValue<string>().ShouldBe("Email");
        created["priority"]!.GetValue<string>().ShouldBe("High");
        created["language"]!.GetValue<string>().ShouldBe("es");
        created["customer"]!["name"]!.GetValue<string>().ShouldBe("Jordan Lee");
        created["team"].ShouldBeNull();

        var reply = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Refunded one of the charges." });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        var replyJson = await reply.JsonAsync();
        replyJson["ticketNumber"]!.GetValue<int>().ShouldBe(number);
        replyJson["message"]!["seq"]!.GetValue<int>().ShouldBe(2);
        replyJson["message"]!["authorKind"]!.GetValue<string>().ShouldBe("Agent");
        replyJson["message"]!["authorName"]!.GetValue<string>().ShouldBe("Morgan Lee");

        var note = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Check the *ledger* too", visibility = "internal" });
        note.StatusCode.ShouldBe(HttpStatusCode.Created);

        var current = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        current["status"]!.GetValue<string>().ShouldBe("InProgress", "a public reply starts the work");
        var patch = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Resolved", expectedVersion = current["version"]!.GetValue<long>() });
        patch.StatusCode.ShouldBe(HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());

        var ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket["status"]!.GetValue<string>().ShouldBe("Resolved");
        var messages = ticket["messages"]!.AsArray();
        messages.Select(m => m!["visibility"]!.GetValue<string>()).ShouldBe(["Public", "Public", "Internal"]);
        messages.Select(m => m!["authorKind"]!.GetValue<string>()).ShouldBe(["Customer", "Agent", "Agent"]);
        messages[0]!["body"]!.GetValue<string>().ShouldBe("I was charged **twice**.");
        messages[0]!["bodyHtml"]!.GetValue<string>().ShouldContain("<strong>twice</strong>");
        messages[2]!["bodyHtml"]!.GetValue<string>().ShouldContain("<em>ledger</em>");
    }

    [Fact]
    public async Task TicketsFromTheSameEmail_BelongToOneCustomer_WhateverTheCase()
    {
        using var http = await app.ApiClientAsync();
        var email = $"same.{Guid.NewGuid():N}@example.com";

        var first = await http.CreateTicketAsync(email: email);
        var second = await http.CreateTicketAsync(email: email.ToUpperInvariant());

        second["customer"]!["id"]!.GetValue<int>().ShouldBe(first["customer"]!["id"]!.GetValue<int>());
        second["number"]!.GetValue<int>().ShouldNotBe(first["number"]!.GetValue<int>());
        await using var db = await app.DbAsync();
#pragma warning disable CA1862 // SQL: EF translates ToLower(); string.Equals(..., comparison) does not translate.
        (await db.Customers.CountAsync(c => c.Email!.ToLower() == email)).ShouldBe(1);
#pragma warning restore CA1862
    }

    [Fact]
    public async Task RetryingAMessageWithTheSameClientMessageId_ReturnsTheStoredMessage_WithoutADuplicate()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        var message = new { body = "We are on it.", clientMessageId = "crm-7f3a" };

        var first = await (await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", message)).JsonAsync();
        var retry = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", message);

        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await retry.JsonAsync();
        again["message"]!["id"]!.GetValue<long>().ShouldBe(first["message"]!["id"]!.GetValue<long>());
        again["message"]!["seq"]!.GetValue<int>().ShouldBe(2);
        var ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket["messages"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task TwoConcurrentStatusChangesFromTheSameVersion_OneApplies_TheOtherGets409()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        var version = created["version"]!.GetValue<long>();

        var responses = await Task.WhenAll(
            http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Resolved", expectedVersion = version }),
            http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "OnHold", expectedVersion = version }));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "Resolved" : "OnHold";
        (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["status"]!.GetValue<string>().ShouldBe(winner);
        await using var db = await app.DbAsync();
        var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        var statusChanges = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Field == "Status").ToListAsync();
        statusChanges.ShouldHaveSingleItem().OldValue.ShouldBe("Open");
    }

    [Fact]
    public async Task APatchWithAStaleVersion_Gets409_AndChangesNothing()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        var stale = created["version"]!.GetValue<long>();
        (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "Urgent" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "Low", status = "OnHold", expectedVersion = stale });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["currentVersion"]!.GetValue<long>().ShouldBeGreaterThan(stale);
        var ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket["priority"]!.GetValue<string>().ShouldBe("Urgent");
        ticket["status"]!.GetValue<string>().ShouldBe("Open");
    }

    [Fact]
    public async Task TheAssignee_IsSetByEmail_AndNullUnassigns()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var assigned = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { assignee = DemoAgents.AnaEmail });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await assigned.JsonAsync())["assignee"]!["id"]!.GetValue<string>().ShouldBe(await app.AgentIdAsync(DemoAgents.AnaEmail));

        var unchanged = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High" });
        (await unchanged.JsonAsync())["assignee"].ShouldNotBeNull("leaving the assignee out keeps it");

        var unassigned = await http.SendRawAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", """{"assignee":null}""");
        unassigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unassigned.JsonAsync())["assignee"].ShouldBeNull();
    }

    [Fact]
    public async Task ACustomerMessageOnAClosedTicket_OpensAFollowUp_AndSaysWhichTicketItIsOn()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "It broke again.", author = "customer" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        var followUp = json["ticketNumber"]!.GetValue<int>();
        followUp.ShouldNotBe(number);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/tickets/{followUp}");
        json["message"]!["authorKind"]!.GetValue<string>().ShouldBe("Customer");
        (await http.GetJsonAsync($"/api/v1/tickets/{followUp}"))["followUpOf"]!.GetValue<int>().ShouldBe(number);
    }
}
