namespace InboxBench.Generate;

internal sealed record GenAgent(string Id, string DisplayName, string Email, int[] TeamIds, bool IsAdmin);

internal sealed record GenTeam(int Id, string Name, string Description, string[] MemberIds);

internal sealed record GenCustomer(int Id, string Name, string Email, string Language, long CreatedAt);

/// <summary>The people and teams tickets are spread over: ~50 agents in 6 teams, ~100,000 customers.</summary>
internal sealed class World
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = Now.AddDays(-730);

    private static readonly (string Name, string Description)[] TeamNames =
    [
        ("Front line", "First answers on every channel"),
        ("Billing", "Payments, invoices, refunds"),
        ("Shipping", "Deliveries, returns and couriers"),
        ("Technical", "Log-in, app and integration problems"),
        ("Spanish desk", "Clientes en español"),
        ("VIP", "Key accounts"),
    ];

    /// <summary>How tickets are spread over the teams above.</summary>
    public static readonly WeightedPicker TeamShare = new(30, 22, 18, 14, 10, 6);

    public required IReadOnlyList<GenAgent> Agents { get; init; }
    public required IReadOnlyList<GenTeam> Teams { get; init; }
    public required IReadOnlyList<GenCustomer> Customers { get; init; }

    public static World Create(int agentCount, int customerCount, Random rng)
    {
        var agentTeams = new List<int>[agentCount];
        for (var i = 0; i < agentCount; i++)
        {
            agentTeams[i] = [];
            if (i == 0)
            {
                continue; // the admin: sees everything through the role, member of no team
            }
            agentTeams[i].Add((i - 1) % TeamNames.Length + 1);
            if (i % 5 == 0)
            {
                agentTeams[i].Add((i + 2) % TeamNames.Length + 1); // some agents cover a second team
            }
        }
        var agents = Enumerable.Range(0, agentCount).Select(i =>
        {
            var first = Vocabulary.FirstNames[i % Vocabulary.FirstNames.Length];
            var last = Vocabulary.LastNames[(i * 7) % Vocabulary.LastNames.Length];
            var email = i == 0 ? "admin@bench.example" : $"agent{i:D3}@bench.example";
            return new GenAgent(new Guid(i + 1, 0, 0, new byte[8]).ToString(), $"{first} {last}", email, agentTeams[i].ToArray(), i == 0);
        }).ToList();
        var teams = TeamNames.Select((t, i) => new GenTeam(i + 1, t.Name, t.Description,
            agents.Where(a => a.TeamIds.Contains(i + 1)).Select(a => a.Id).ToArray())).ToList();
        var customers = new List<GenCustomer>(customerCount);
        for (var id = 1; id <= customerCount; id++)
        {
            var spanish = rng.NextDouble() < 0.35;
            var first = Vocabulary.FirstNames[rng.Next(Vocabulary.FirstNames.Length)];
            var last = Vocabulary.LastNames[rng.Next(Vocabulary.LastNames.Length)];
            var email = $"{Ascii(first)}.{Ascii(last)}{id}@{(spanish ? "correo.es" : "mail.example")}";
            var created = Start.AddDays(-rng.Next(0, 1000)).UtcTicks;
            customers.Add(new GenCustomer(id, $"{first} {last}", email, spanish ? "es" : "en", created));
        }
        return new World { Agents = agents, Teams = teams, Customers = customers };
    }

    private static string Ascii(string name)
    {
        var folded = name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string(folded.ToArray()).ToLowerInvariant();
    }
}
