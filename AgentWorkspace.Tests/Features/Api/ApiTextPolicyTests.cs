using System.Net;
using System.Net.Http.Json;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>POST /api/v1/tickets and its messages over HTTP: the same text policy as the widget; a refusal is a 400 and stores nothing.</summary>
[Collection(TextPolicyCollection.Name)]
public sealed class ApiTextPolicyTests(WorkspaceAppFactory app)
{
    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public async Task ASubjectOrCustomerNameThatShowsAsNothingOrHidesAControl_Gets400_AndNothingIsStored(string label)
    {
        using var http = await app.ApiClientAsync();
        var email = $"policy.{Guid.NewGuid():N}@example.com";
        var bad = BadText.RefusedText(label);

        var badSubject = await http.PostAsJsonAsync("/api/v1/tickets", new { subject = bad, body = "Help", customer = new { email, name = "Casey" } });
        var badName = await http.PostAsJsonAsync("/api/v1/tickets", new { subject = "Help", body = "Help", customer = new { email, name = bad } });

        (await badSubject.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["subject"].ShouldNotBeNull(label);
        await using var db = await app.DbAsync();
        if (string.IsNullOrWhiteSpace(bad))
        {
            // The name is optional: left blank, the customer is called by the address's local part.
            badName.StatusCode.ShouldBe(HttpStatusCode.Created, label);
            (await badName.JsonAsync())["customer"]!["name"]!.GetValue<string>().ShouldBe(email[..email.IndexOf('@')]);
            return;
        }
        (await badName.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["customer.name"].ShouldNotBeNull(label);
        (await db.Customers.CountAsync(c => c.NormalizedEmail == email)).ShouldBe(0, label);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\u200B")]
    [InlineData("a\u0000@example.com")]
    [InlineData("ana\u202E@example.com")]
    public async Task AnEmailThatIsBlankOrHidesAControl_Gets400(string email)
    {
        using var http = await app.ApiClientAsync();

        var response = await http.PostAsJsonAsync("/api/v1/tickets", new { subject = "Help", body = "Help", customer = new { email } });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["customer.email"].ShouldNotBeNull();
    }

    [Fact]
    public async Task ASubjectNameAndBody_AreStoredComposedAndClean()
    {
        using var http = await app.ApiClientAsync();
        var id = Guid.NewGuid().ToString("N")[..8];

        var created = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"\u200B Cafe\u0301  order {id}\t",
            body = "Line\u0007 one\r\nline two",
            customer = new { email = $" Policy.{id}@Example.com ", name = "Jose\u0301\u00A0Garci\u0301a\uFEFF" },
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var ticket = await created.JsonAsync();
        ticket["subject"]!.GetValue<string>().ShouldBe($"Café order {id}");
        ticket["customer"]!["name"]!.GetValue<string>().ShouldBe("José García");
        ticket["customer"]!["email"]!.GetValue<string>().ShouldBe($"Policy.{id}@Example.com");
        ticket["messages"]![0]!["body"]!.GetValue<string>().ShouldBe("Line one\nline two");

        var number = ticket["number"]!.GetValue<int>();
        var reply = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "\u0000Ok\u0085 cafe\u0301" });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        (await reply.JsonAsync())["message"]!["body"]!.GetValue<string>().ShouldBe("Ok caf\u00E9");
        var invisible = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "\u200B\uFEFF" });
        await invisible.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
