using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>What one demo ticket will be: who asked, which conversation, and where it stands now.</summary>
internal sealed record TicketPlan(
    DemoCustomer Customer,
    ConversationScript Script,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    Agent? Assignee,
    Team? Team,
    string[] Tags);

/// <summary>
/// Decides the mix of demo tickets. Statuses, channels and languages come from fixed counts that are shuffled,
/// so every status, channel and priority is present whatever the seed; scripts are spread evenly.
/// </summary>
internal static class DemoTicketPlanner
{
    private static readonly (TicketStatus Status, int Count)[] StatusMix =
    [
        (TicketStatus.Open, 14),
        (TicketStatus.InProgress, 12),
        (TicketStatus.WaitingOnCustomer, 12),
        (TicketStatus.OnHold, 6),
        (TicketStatus.Resolved, 18),
        (TicketStatus.Closed, 18),
    ];

    private static readonly (TicketChannel Channel, int Count)[] ChannelMix =
    [
        (TicketChannel.Chat, 24),
        (TicketChannel.Email, 28),
        (TicketChannel.WebForm, 14),
        (TicketChannel.Phone, 5),
        (TicketChannel.WalkIn, 2),
        (TicketChannel.Api, 7),
    ];

    private const int SpanishTickets = 32;

    private static readonly HashSet<string> BillingCategories = ["Billing", "Payments", "Taxes", "Account"];

    public static IEnumerable<ConversationScript> AllScripts => SeedContent.Conversations;

    public static List<TicketPlan> Plan(IReadOnlyList<DemoCustomer> customers, DemoAgents agents, Team billing, Team technical, Random random)
    {
        var statuses = Expand(StatusMix, random);
        var channels = Expand(ChannelMix, random);
        var languages = Expand([("es", SpanishTickets), ("en", statuses.Count - SpanishTickets)], random);

        var scripts = AllScripts.ToList();
        var uses = scripts.ToDictionary(s => s, _ => 0);
        var plans = new List<TicketPlan>(statuses.Count);

        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            var language = languages[i];

            // The least-used script that can end in this status, so every conversation appears before any repeats often.
            var candidates = scripts.Where(s => s.Language == language && s.Supports(status)).ToList();
            var fewest = candidates.Min(s => uses[s]);
            var leastUsed = candidates.Where(s => uses[s] == fewest).ToList();
            var script = leastUsed[random.Next(leastUsed.Count)];
            uses[script]++;

            var people = customers.Where(c => c.Customer.Language == language && (script.Country is null || c.Country == script.Country)).ToList();
            var customer = people[random.Next(people.Count)];

            // VIPs keep the script's priority: the VIP SLA policy promises them faster answers instead.
            var priority = script.Priority;

            var isBilling = BillingCategories.Contains(script.Category);
            // Half of the new tickets still sit in the triage queue: no team, nobody assigned.
            var triage = status == TicketStatus.Open && random.Next(2) == 0;
            var assignee = triage ? null : agents.PickFor(language, isBilling, random);
            var team = triage ? null : isBilling ? billing : technical;

            string[] tags = customer.IsVip ? [.. script.Tags, "vip"] : script.Tags;
            plans.Add(new TicketPlan(customer, script, status, priority, channels[i], assignee, team, tags));
        }
        return plans;
    }

    private static List<T> Expand<T>((T Value, int Count)[] mix, Random random)
    {
        var list = mix.SelectMany(m => Enumerable.Repeat(m.Value, m.Count)).ToList();
        // Fisher–Yates with the seeded generator keeps the demo identical on every run.
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
