using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>
/// Who may see a ticket, in SQL (<see cref="TicketVisibility"/>) and in memory (<see cref="AgentScope"/>), on a real SQLite
/// database: one ticket for every combination of team, assignee, owner and follower, read back for agents in and out
/// of its team and for an admin. The two must give the same answer for every one.
/// </summary>
public sealed class OwnerVisibilityRuleTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly Dictionary<int, (int? TeamId, string? AssigneeId, string? OwnerId, string? FollowerId)> places = [];
    private int billing;
    private int technical;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var billingTeam = new Team { Name = "Billing" };
        var technicalTeam = new Team { Name = "Technical" };
        var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(billingTeam, technicalTeam, customer, Agent("ana"), Agent("ben"), Agent("cy"));
        await db.SaveChangesAsync();
        (billing, technical) = (billingTeam.Id, technicalTeam.Id);

        int?[] teams = [null, billing, technical];
        string?[] people = [null, "ana", "ben"];
        var number = 1000;
        var tickets = new List<(Ticket Ticket, string? Follower)>();
        var combinations = teams.SelectMany(team => people.SelectMany(assignee => people.SelectMany(owner => people.Select(follower => (team, assignee, owner, follower)))));
        foreach (var (team, assignee, owner, follower) in combinations)
        {
            var now = DateTimeOffset.UtcNow;
            var ticket = new Ticket
            {
                Number = ++number, Subject = "Combination", CustomerId = customer.Id, TeamId = team, AssigneeId = assignee, OwnerId = owner,
                CreatedAt = now, UpdatedAt = now, LastActivityAt = now,
            };
            if (follower is not null)
            {
                ticket.Followers.Add(new TicketFollower { AgentId = follower, AddedAt = now });
            }
            tickets.Add((ticket, follower));
        }
        db.Tickets.AddRange(tickets.Select(t => t.Ticket));
        await db.SaveChangesAsync();
        foreach (var (ticket, follower) in tickets)
        {
            places[ticket.Id] = (ticket.TeamId, ticket.AssigneeId, ticket.OwnerId, follower);
        }
    }

    private static Agent Agent(string id) => new() { Id = id, UserName = id, Email = $"{id}@example.test", DisplayName = id, CreatedAt = DateTimeOffset.UtcNow };

    private AgentScope[] Scopes =>
    [
        new("ana", false, [billing]), new("ben", false, [technical]), new("cy", false, [billing, technical]), new("cy", false, []), new("admin", true, []),
    ];

    [Fact]
    public async Task TheSqlRule_AndTheInMemoryRule_AgreeForEveryTeamAssigneeOwnerAndFollowerCombination()
    {
        places.Count.ShouldBe(81);
        await using var db = database.CreateContext();
        foreach (var scope in Scopes)
        {
            var visible = (await db.Tickets.VisibleTo(scope).Select(t => t.Id).ToListAsync()).ToHashSet();
            var inQueues = (await db.Tickets.InQueuesOf(scope).Select(t => t.Id).ToListAsync()).ToHashSet();
            foreach (var (id, (team, assignee, owner, follower)) in places)
            {
                var what = $"{scope.AgentId} (teams {string.Join(',', scope.TeamIds)}): team {team}, assignee {assignee}, owner {owner}, follower {follower}";
                visible.Contains(id).ShouldBe(scope.CanSee(team, assignee, owner, follower == scope.AgentId), what);
                inQueues.Contains(id).ShouldBe(scope.InQueues(team, assignee, owner), what);
            }
        }
    }

    [Fact]
    public void TheOwner_AndAFollower_SeeATicketOfAnotherTeam_ButOnlyTheOwnerHasItInTheirQueues()
    {
        var ben = new AgentScope("ben", false, [technical]);

        ben.CanSee(billing, "ana", "ben", follows: false).ShouldBeTrue();
        ben.InQueues(billing, "ana", "ben").ShouldBeTrue();
        ben.CanSee(billing, "ana", "ana", follows: true).ShouldBeTrue();
        ben.InQueues(billing, "ana", "ana").ShouldBeFalse();
        ben.CanSee(billing, "ana", "ana", follows: false).ShouldBeFalse();
    }

    [Fact]
    public async Task TheOwnedView_ListsWhatTheMatcherPlacesInIt()
    {
        await using var db = database.CreateContext();
        var query = new InboxQuery(new TestDbFactory(database), TimeProvider.System);
        foreach (var scope in Scopes)
        {
            var listed = new HashSet<int>();
            string? after = null;
            do
            {
                var page = await query.ListAsync(scope, new InboxFilter { View = InboxView.Owned }, after, 100);
                listed.UnionWith(page.Rows.Select(r => r.Id));
                after = page.Next;
            }
            while (after is not null);
            foreach (var (id, (team, assignee, owner, _)) in places)
            {
                var expected = scope.InQueues(team, assignee, owner)
                    && InboxMatcher.InView(InboxView.Owned, null, scope.AgentId, TicketStatus.Open, team, assignee, owner);
                listed.Contains(id).ShouldBe(expected, $"{scope.AgentId}: team {team}, assignee {assignee}, owner {owner}");
            }
        }
    }

    private sealed class TestDbFactory(TempDatabase database) : IDbContextFactory<AgentWorkspace.Data.AppDbContext>
    {
        public AgentWorkspace.Data.AppDbContext CreateDbContext() => database.CreateContext();
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }
}
