using System.Net;
using System.Text;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>
/// Fuzzes every string of every request body with text that is not valid Unicode (unpaired UTF-16 surrogates
/// written as JSON escapes, bytes that are not UTF-8), and every endpoint with malformed JSON: each is a 400
/// problem+json that changes nothing, never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiMalformedInputTests(WorkspaceAppFactory app)
{
    private const string Marker = "§";

    /// <summary>Each string of each body, written so that the body is valid when the marker is empty.</summary>
    private static readonly Dictionary<string, (string Endpoint, string Template)> Fields = new()
    {
        ["create subject"] = ("create", """{"subject": "Fuzz §", "body": "b", "customer": {"email": "fuzz@example.com"}}"""),
        ["create body"] = ("create", """{"subject": "s", "body": "Hello §", "customer": {"email": "fuzz@example.com"}}"""),
        ["create channel"] = ("create", """{"subject": "s", "body": "b", "channel": "Api§", "customer": {"email": "fuzz@example.com"}}"""),
        ["create priority"] = ("create", """{"subject": "s", "body": "b", "priority": "High§", "customer": {"email": "fuzz@example.com"}}"""),
        ["create customer.email"] = ("create", """{"subject": "s", "body": "b", "customer": {"email": "fuzz§@example.com"}}"""),
        ["create customer.name"] = ("create", """{"subject": "s", "body": "b", "customer": {"email": "fuzz@example.com", "name": "Casey §"}}"""),
        ["create customer.language"] = ("create", """{"subject": "s", "body": "b", "customer": {"email": "fuzz@example.com", "language": "en§"}}"""),
        ["create property name"] = ("create", """{"subject": "s", "body": "b", "x§": 1, "customer": {"email": "fuzz@example.com"}}"""),
        ["patch status"] = ("patch", """{"status": "OnHold§"}"""),
        ["patch priority"] = ("patch", """{"priority": "High§"}"""),
        ["patch assignee"] = ("patch", """{"assignee": "§ben@nimbus.test"}"""),
        ["patch property name"] = ("patch", """{"priority": "High", "x§": "y"}"""),
        ["message body"] = ("message", """{"body": "Hi §"}"""),
        ["message visibility"] = ("message", """{"body": "Hi", "visibility": "Internal§"}"""),
        ["message author"] = ("message", """{"body": "Hi", "author": "Customer§"}"""),
        ["message clientMessageId"] = ("message", """{"body": "Hi", "clientMessageId": "id-§"}"""),
        ["message property name"] = ("message", """{"body": "Hi", "x§": ["y"]}"""),
    };

    private static readonly Dictionary<string, byte[]> BadText = new()
    {
        ["lone high surrogate escape"] = Ascii(@"\ud800"),
        ["lone low surrogate escape"] = Ascii(@"\uDFFF"),
        ["high surrogate then a letter escape"] = Ascii(@"\ud83d\u0041"),
        ["high surrogate then a plain letter"] = Ascii(@"\ud83dA"),
        ["surrogates in the wrong order"] = Ascii(@"\ude00\ud83d"),
        ["two high surrogates"] = Ascii(@"\ud83d\ud83d"),
        ["byte FF"] = [0xFF],
        ["truncated two-byte sequence"] = [0xC3],
        ["overlong slash"] = [0xC0, 0xAF],
        ["UTF-8 encoded surrogate"] = [0xED, 0xA0, 0x80],
        ["code point above U+10FFFF"] = [0xF4, 0x90, 0x80, 0x80],
        ["lone continuation byte"] = [0x80],
    };

    public static TheoryData<string, string> EveryStringWithEveryBadText()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields.Keys)
        {
            foreach (var bad in BadText.Keys)
            {
                data.Add(field, bad);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStringWithEveryBadText))]
    public async Task TextThatIsNotValidUnicode_Gets400_AndChangesNothing(string field, string badText)
    {
        var (endpoint, template) = Fields[field];
        var at = template.IndexOf(Marker, StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(template[..at]), .. BadText[badText], .. Encoding.UTF8.GetBytes(template[(at + 1)..])];

        await AssertRefusedAsync(endpoint, () => Json(body));
    }

    public static TheoryData<string> EveryString() => new(Fields.Keys);

    /// <summary>The templates above are valid bodies, so only the bad text can have made them fail.</summary>
    [Theory]
    [MemberData(nameof(EveryString))]
    public async Task TheSameBodies_WithValidText_AreAccepted(string field)
    {
        var (endpoint, template) = Fields[field];
        if (field is "create channel" or "create priority" or "create customer.language" or "patch status" or "patch priority"
            or "message visibility" or "message author" or "patch assignee")
        {
            template = template.Replace(Marker, "", StringComparison.Ordinal); // an enum or a look-up: any extra text is invalid
        }
        var body = Encoding.UTF8.GetBytes(template.Replace(Marker, "\u00e9\U0001F600", StringComparison.Ordinal));
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var response = await http.SendAsync(new HttpRequestMessage(Method(endpoint), Path(endpoint, number)) { Content = Json(body) });

        ((int)response.StatusCode).ShouldBeInRange(200, 201, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> MalformedJson() => new()
    {
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com"}""" },
        { "create", """{"subject": "s", "bo""" },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com"}} trailing""" },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com"}}{}""" },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com"},}""" },
        { "create", """{"subject": "s", /* note */ "body": "b", "customer": {"email": "e@example.com"}}""" },
        { "create", """{"subject": {"text": "s"}, "body": "b", "customer": {"email": "e@example.com"}}""" },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": 5}}""" },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com", "name": []}}""" },
        { "create", """{"subject": "s", "body": "b", "customer": [{"email": "e@example.com"}]}""" },
        { "create", """{'subject': 's', 'body': 'b', 'customer': {'email': 'e@example.com'}}""" },
        { "create", "\"just a string\"" },
        { "create", "42" },
        { "create", "   " },
        { "create", """{"subject": "s", "body": "b", "customer": {"email": "e@example.com"}, "extra": """ + Deep(5_000) + "}" },
        { "create", "{\"subject\": \"raw\nline break\", \"body\": \"b\", \"customer\": {\"email\": \"e@example.com\"}}" },
        { "create", """{"subject": "bad \x escape", "body": "b", "customer": {"email": "e@example.com"}}""" },
        { "patch", """{"status": "Open" """ },
        { "patch", """{"status": ["Open"]}""" },
        { "patch", """{"priority": true}""" },
        { "patch", """{"assignee": {}}""" },
        { "patch", """{"assignee": true}""" },
        { "patch", """{"assignee": 1e999}""" },
        { "patch", """{"assignee": """ + Deep(5_000) + "}" },
        { "patch", """{"assignee": """ + Deep(60) + "}" },
        { "patch", """{"expectedVersion": 1.5}""" },
        { "patch", """{"expectedVersion": "1"}""" },
        { "patch", """{"expectedVersion": 99999999999999999999999}""" },
        { "patch", """{"expectedVersion": NaN}""" },
        { "patch", """{"status": "Open"}}""" },
        { "patch", """{"status": "Open"} {"status": "Closed"}""" },
        { "patch", "[" + Deep(10_000) + "]" },
        { "patch", "{\"status\": \"Open\"\u0000}" },
        { "message", """{"body": "hi",}""" },
        { "message", """{"body": "hi" "author": "Agent"}""" },
        { "message", """{"body": 12}""" },
        { "message", """{"body": "hi", "clientMessageId": 7}""" },
        { "message", """{"body": "hi", "visibility": null, "author": 0}""" },
        { "message", """{"body": "hi"}]""" },
        { "message", """{"body": "hi", "extra": """ + Deep(100) + "}" },
        { "message", "{\"body\": \"\\ud800" },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task MalformedJson_Gets400_AndChangesNothing(string endpoint, string json)
    {
        await AssertRefusedAsync(endpoint, () => Json(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("application/json; charset=utf-16", new byte[] { 0x7B, 0x00, 0x22, 0x00, 0x00, 0xD8, 0x22, 0x00, 0x3A, 0x00, 0x31, 0x00, 0x7D, 0x00 })] // {"<lone surrogate>":1}
    [InlineData("application/json; charset=utf-16", new byte[] { 0x7B, 0x00, 0x7D })] // an odd number of bytes
    [InlineData("application/json; charset=us-ascii", new byte[] { 0x7B, 0x22, 0x62, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D })] // é is not ASCII
    public async Task ABodyThatIsNotValidInItsDeclaredCharset_Gets400(string contentType, byte[] body)
    {
        foreach (var endpoint in new[] { "create", "patch", "message" })
        {
            await AssertRefusedAsync(endpoint, () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();
                return content;
            });
        }
    }

    [Fact]
    public async Task AnUnknownCharset_Gets415()
    {
        using var http = await app.ApiClientAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"body": "hi"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=klingon").ShouldBeTrue();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var response = await http.PostAsync($"/api/v1/tickets/{number}/messages", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AValidBodyInUtf16OrWithAByteOrderMark_IsStillAccepted()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        var utf16 = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"body\": \"Hola \u00e9 \U0001F600\"}"));
        utf16.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-16").ShouldBeTrue();
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"body": "with a BOM"}""")];

        var fromUtf16 = await http.PostAsync($"/api/v1/tickets/{number}/messages", utf16);
        var fromBom = await http.PostAsync($"/api/v1/tickets/{number}/messages", Json(withBom));

        fromUtf16.StatusCode.ShouldBe(HttpStatusCode.Created, await fromUtf16.Content.ReadAsStringAsync());
        fromBom.StatusCode.ShouldBe(HttpStatusCode.Created, await fromBom.Content.ReadAsStringAsync());
        var bodies = (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["messages"]!.AsArray().Select(m => m!["body"]!.GetValue<string>());
        bodies.ShouldContain("Hola \u00e9 \U0001F600");
        bodies.ShouldContain("with a BOM");
    }

    [Fact]
    public async Task AnUnpairedSurrogateAsAssignee_Gets400NamingTheField()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var response = await http.SendRawAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", """{"assignee": "\ud800"}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["$.assignee"].ShouldNotBeNull(problem.ToJsonString());
    }

    [Theory]
    [InlineData("assignee=%ED%A0%80")]
    [InlineData("team=%FF")]
    [InlineData("tag=%C0%AF")]
    [InlineData("cursor=%F4%90%80%80")]
    [InlineData("status=Open%ED%B0%80")]
    public async Task AListQueryWithInvalidUtf8_GetsAnAnswerNotAServerError(string query)
    {
        using var http = await app.ApiClientAsync();

        var response = await http.GetAsync($"/api/v1/tickets?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Sends the body to the endpoint (on a new ticket) and checks that it was refused and that no ticket, customer or message changed.</summary>
    private async Task AssertRefusedAsync(string endpoint, Func<HttpContent> body)
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        var before = await SnapshotAsync(number);

        var response = await http.SendAsync(new HttpRequestMessage(Method(endpoint), Path(endpoint, number)) { Content = body() });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await SnapshotAsync(number)).ShouldBe(before);
    }

    private async Task<(int Tickets, int Customers, int Messages, long Version)> SnapshotAsync(int number)
    {
        await using var db = await app.DbAsync();
        var ticket = await db.Tickets.Where(t => t.Number == number).Select(t => new { t.Id, t.Version }).SingleAsync();
        return (await db.Tickets.CountAsync(), await db.Customers.CountAsync(), await db.Messages.CountAsync(m => m.TicketId == ticket.Id), ticket.Version);
    }

    private static string Path(string endpoint, int number) => endpoint switch
    {
        "create" => "/api/v1/tickets",
        "patch" => $"/api/v1/tickets/{number}",
        _ => $"/api/v1/tickets/{number}/messages",
    };

    private static HttpMethod Method(string endpoint) => endpoint == "patch" ? HttpMethod.Patch : HttpMethod.Post;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);
}
