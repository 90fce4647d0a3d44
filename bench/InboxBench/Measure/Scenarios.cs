using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;

namespace InboxBench.Measure;

/// <summary>One timed operation. It picks its own varying parameters (agent, ticket, term) from the run's random source.</summary>
internal sealed record Scenario(string Name, Func<Random, Task<int>> Run);

/// <summary>What scenarios vary over: agents of one team, the admin, ticket numbers, searchable customer tokens.</summary>
internal sealed record BenchData(
    IReadOnlyList<AgentScope> Agents, AgentScope Admin, int FirstNumber, int LastNumber, IReadOnlyList<string> CustomerTokens);

internal static class Scenarios
{
    private const int PageSize = 25;
    private const int DeepPages = 50;
    private const int DeepStartsPerPersona = 4;

    private static readonly string[] CommonTerms = ["order", "pedido", "please", "account"];
    private static readonly string[] FilterTags = ["billing", "refund", "shipping", "login", "bug"];

    public static async Task<List<Scenario>> BuildAsync(InboxQuery inbox, TicketQueries tickets, BenchData data, Action<string> log)
    {
        var list = new List<Scenario>();
        var personas = new (string Name, IReadOnlyList<AgentScope> Scopes)[] { ("agent", data.Agents), ("admin", [data.Admin]) };

        foreach (var (persona, scopes) in personas)
        {
            foreach (var view in Enum.GetValues<InboxView>())
            {
                var sorts = view == InboxView.AllOpen ? Enum.GetValues<InboxSort>() : [InboxSort.LastActivity];
                foreach (var sort in sorts)
                {
                    var label = $"{persona} {view}" + (sort == InboxSort.LastActivity ? "" : $" sort={sort}");
                    list.Add(new Scenario($"{label} first page", rng =>
                    {
                        var scope = Pick(scopes, rng);
                        return Rows(inbox.ListAsync(scope, ViewFilter(view, sort, scope, rng), null, PageSize));
                    }));
                    var starts = await DeepStartsAsync(inbox, scopes, view, sort);
                    if (starts.Count == 0)
                    {
                        log($"{label}: fewer than two pages, no deep page");
                        continue;
                    }
                    var depth = starts.Min(s => s.Page);
                    list.Add(new Scenario($"{label} page {depth + 1}", rng =>
                    {
                        var start = starts[rng.Next(starts.Count)];
                        return Rows(inbox.ListAsync(start.Scope, start.Filter, start.Cursor, PageSize));
                    }));
                }
            }
        }

        var agent = data.Agents;
        list.Add(new Scenario("agent AllOpen filtered status+priority+tag+channel", rng => Rows(inbox.ListAsync(Pick(agent, rng), new InboxFilter
        {
            Statuses = [TicketStatus.Open, TicketStatus.InProgress],
            Priorities = [TicketPriority.High, TicketPriority.Urgent],
            Tag = FilterTags[rng.Next(FilterTags.Length)],
            Channels = [TicketChannel.Email, TicketChannel.Chat],
        }, null, PageSize))));
        list.Add(new Scenario("admin ResolvedAndClosed filtered priority+tag+channel", rng => Rows(inbox.ListAsync(data.Admin, new InboxFilter
        {
            View = InboxView.ResolvedAndClosed,
            Priorities = [TicketPriority.Urgent],
            Tag = FilterTags[rng.Next(FilterTags.Length)],
            Channels = [TicketChannel.Phone],
        }, null, PageSize))));

        foreach (var (persona, scopes) in personas)
        {
            foreach (var view in new[] { InboxView.AllOpen, InboxView.ResolvedAndClosed })
            {
                var prefix = $"{persona} {view} search";
                list.Add(Search($"{prefix} rare word \"{Vocabulary.RareWord}\"", inbox, scopes, view, _ => Vocabulary.RareWord));
                list.Add(Search($"{prefix} rare customer token", inbox, scopes, view, rng => data.CustomerTokens[rng.Next(data.CustomerTokens.Count)]));
                list.Add(Search($"{prefix} common term", inbox, scopes, view, rng => CommonTerms[rng.Next(CommonTerms.Length)]));
                list.Add(Search($"{prefix} \"contrasena\" (accent-folded)", inbox, scopes, view, _ => "contrasena"));
                list.Add(Search($"{prefix} prefix \"reemb\"", inbox, scopes, view, _ => "reemb"));
                list.Add(Search($"{prefix} bare ticket number", inbox, scopes, view, rng => rng.Next(data.FirstNumber, data.LastNumber + 1).ToString()));
            }
        }

        list.Add(new Scenario("admin open ticket (GetByNumberAsync)", async rng =>
            (await tickets.GetByNumberAsync(data.Admin, rng.Next(data.FirstNumber, data.LastNumber + 1)))?.Timeline.Count ?? 0));
        // Random numbers: some tickets are outside the agent's teams and come back null, as a typed URL would.
        list.Add(new Scenario("agent open ticket (GetByNumberAsync)", async rng =>
            (await tickets.GetByNumberAsync(Pick(agent, rng), rng.Next(data.FirstNumber, data.LastNumber + 1)))?.Timeline.Count ?? 0));
        list.Add(new Scenario("agent CountsAsync", async rng => (await inbox.CountsAsync(Pick(agent, rng))).Count));
        list.Add(new Scenario("admin CountsAsync", async _ => (await inbox.CountsAsync(data.Admin)).Count));
        return list;
    }

    private static Scenario Search(string name, InboxQuery inbox, IReadOnlyList<AgentScope> scopes, InboxView view, Func<Random, string> term) =>
        new(name, rng => Rows(inbox.ListAsync(Pick(scopes, rng), new InboxFilter { View = view, Search = term(rng) }, null, PageSize)));

    private static InboxFilter ViewFilter(InboxView view, InboxSort sort, AgentScope scope, Random rng) => new()
    {
        View = view,
        Sort = sort,
        ViewTeamId = view == InboxView.Team ? TeamOf(scope, rng) : null,
    };

    /// <summary>An agent's own team; for the admin any team.</summary>
    private static int TeamOf(AgentScope scope, Random rng) =>
        scope.TeamIds.Count > 0 ? scope.TeamIds[rng.Next(scope.TeamIds.Count)] : rng.Next(1, 7);

    private sealed record DeepStart(AgentScope Scope, InboxFilter Filter, string Cursor, int Page);

    /// <summary>Follows Next from the first page ~50 times, as an agent scrolling would, for a few agents.</summary>
    private static async Task<List<DeepStart>> DeepStartsAsync(InboxQuery inbox, IReadOnlyList<AgentScope> scopes, InboxView view, InboxSort sort)
    {
        var rng = new Random(view.GetHashCode() * 31 + (int)sort);
        var starts = new List<DeepStart>();
        foreach (var scope in scopes.Take(DeepStartsPerPersona))
        {
            var filter = ViewFilter(view, sort, scope, rng);
            string? cursor = null;
            var page = 0;
            while (page < DeepPages)
            {
                var result = await inbox.ListAsync(scope, filter, cursor, PageSize);
                if (result.Next is null) break;
                cursor = result.Next;
                page++;
            }
            if (cursor is not null)
            {
                starts.Add(new DeepStart(scope, filter, cursor, page));
            }
        }
        return starts;
    }

    private static AgentScope Pick(IReadOnlyList<AgentScope> scopes, Random rng) => scopes[rng.Next(scopes.Count)];

    private static async Task<int> Rows(Task<InboxResult> result) => (await result).Rows.Count;
}
