using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveBench.Changes;

/// <summary>Changes through the REST API v1, timed from the request to the response.</summary>
internal sealed class ApiClient(Uri baseUri, string key) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 })
    {
        BaseAddress = baseUri,
        DefaultRequestHeaders = { { "Authorization", "Bearer " + key } },
    };

    /// <summary>Opens a ticket for a bench customer; returns its number.</summary>
    public async Task<int> CreateTicketAsync(string subject, string body)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            body,
            customer = new { email = "live.bench@customer.example", name = "Live Bench Customer", language = "en" },
        });
        return (await ReadAsync(response, "create ticket")).GetProperty("number").GetInt32();
    }

    public async Task SetStatusAsync(int number, string status)
    {
        using var response = await http.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status });
        await ReadAsync(response, $"PATCH #{number}");
    }

    public async Task ReplyAsync(int number, string body)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body });
        await ReadAsync(response, $"reply on #{number}");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(T Result, double Ms)> TimeAsync<T>(Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        return (result, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public void Dispose() => http.Dispose();
}
