using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>
/// What live inbox screens compute in memory must be what the database would answer: the matcher and sort against
/// InboxQuery's SQL, and the maintained counts against counting rows.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxLiveModelTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);
    private InboxQuery Inbox => app.Services.GetRequiredService<InboxQuery>();
    private InboxCounts Counts => app.Services.GetRequiredService<InboxCounts>();
    private InboxFeed Feed => app.Services.GetRequiredService<InboxFeed>();
    private DateTimeOffset Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public static TheoryData<string> Agents => [DemoAgents.AdminEmail, DemoAgents.AnaEmail, DemoAgents.BenEmail, DemoAgents.RitaEmail];

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task TheMatcherAndSort_ListEveryViewAndFilter_ExactlyAsTheDatabaseDoes(string email)
    {
        var scope = await Data.ScopeAsync(email);
        var all = await AllTicketsAsync();
        var teams = (await Inbox.TeamsAsync(scope)).Select(t => t.Id).ToList();
        var agentIds = all.Select(t => t.AssigneeId).Where(a => a is not null).Distinct().Take(3).ToList();
        var filters = new List<InboxFilter>();
        foreach (var sort in Enum.GetValues<InboxSort>())
        {
            foreach (var view in Enum.GetValues<InboxView>().Where(v => v != InboxView.Team))
            {
                filters.Add(new InboxFilter { View = view, Sort = sort });
            }
            filters.AddRange(teams.Select(t => new InboxFilter { View = InboxView.Team, ViewTeamId = t, Sort = sort }));
            filters.Add(new InboxFilter { AnyStatus = true, Sort = sort, Priorities = [TicketPriority.High, TicketPriority.Urgent] });
            filters.Add(new InboxFilter { View = InboxView.AllOpen, Sort = sort, Channels = [TicketChannel.Chat], Statuses = [TicketStatus.Open, TicketStatus.InProgress] });
            filters.Add(new InboxFilter { AnyStatus = true, Sort = sort, Tag = all.SelectMany(t => t.Tags).FirstOrDefault() });
            filters.AddRange(agentIds.Select(a => new InboxFilter { AnyStatus = true, Sort = sort, AssigneeId = a }));
            var middle = all.OrderBy(t => t.CreatedAt).ElementAt(all.Count / 2);
            filters.Add(new InboxFilter { AnyStatus = true, Sort = sort, CreatedFrom = middle.CreatedAt, UpdatedTo = middle.LastActivityAt.AddDays(30) });
        }

        foreach (var filter in filters)
        {
            var fromDatabase = await ListAllAsync(scope, filter);
            var inMemory = all.Where(t => InboxMatcher.Matches(t, filter, scope, Now) == true)
                .Select(t => InboxMatcher.KeyOf(filter.Sort, t))
                .Order(Comparer<InboxCursor>.Create((a, b) => InboxMatcher.Compare(filter.Sort, a, b)))
                .Select(k => k.Id).ToList();
            inMemory.ShouldBe(fromDatabase, $"{email}: {filter}");
        }
    }

    [Fact]
    public void ASearch_IsLeftToTheDatabase()
    {
        var ticket = new InboxTicket(1, 1001, "Subject", "Customer", TicketStatus.Open, TicketPriority.Normal, TicketChannel.Email,
            null, null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, [], []);
        InboxMatcher.Matches(ticket, new InboxFilter { Search = "invoice" }, new AgentScope("a", true, []), Now).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task MaintainedCounts_EqualCountingTheRows_AfterChangesOfStatusTeamAndAssignee(string email)
    {
        var scope = await Data.ScopeAsync(email);
        var teams = (await Inbox.TeamsAsync(scope)).Select(t => t.Id).ToList();
        var (before, _) = await Counts.SnapshotAsync(scope, teams);
        await ShouldMatchTheRowsAsync(scope, teams, before);

        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var created = await Data.CreateAsync();
        async Task ChangeAsync(Func<Ticket, TicketCommand> command)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == created.Id);
            var result = await Data.Tickets.ExecuteAsync(admin, created.Id, command(ticket));
            result.Succeeded.ShouldBeTrue(result.Error);
        }
        await ChangeAsync(t => new Assign(t.AssigneeId, ana.AgentId));
        await ChangeAsync(t => new SetStatus(t.Status, TicketStatus.OnHold));
        await ChangeAsync(t => new SetTeam(t.TeamId, teams.Count > 0 ? teams[^1] : null));
        await ChangeAsync(t => new Assign(t.AssigneeId, null));
        await ChangeAsync(t => new SetStatus(t.Status, TicketStatus.Resolved));

        var (after, _) = await Counts.SnapshotAsync(scope, teams);
        await ShouldMatchTheRowsAsync(scope, teams, after);
    }

    private async Task ShouldMatchTheRowsAsync(AgentScope scope, IReadOnlyList<int> teams, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var view in Enum.GetValues<InboxView>().Where(v => v is not (InboxView.Team or InboxView.BreachingSoon)))
        {
            counts[view.ToString()].ShouldBe((await ListAllAsync(scope, new InboxFilter { View = view })).Count, view.ToString());
        }
        // Time moves tickets into "Breaching soon": screens count it by query, which must agree with the list too.
        (await Inbox.CountBreachingSoonAsync(scope)).ShouldBe((await ListAllAsync(scope, new InboxFilter { View = InboxView.BreachingSoon })).Count);
        foreach (var team in teams)
        {
            counts[$"Team:{team}"].ShouldBe((await ListAllAsync(scope, new InboxFilter { View = InboxView.Team, ViewTeamId = team })).Count);
        }
    }

    private async Task<List<int>> ListAllAsync(AgentScope scope, InboxFilter filter)
    {
        var ids = new List<int>();
        string? after = null;
        do
        {
            var page = await Inbox.ListAsync(scope, filter, after, InboxQuery.MaxPageSize);
            ids.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }

    private async Task<IReadOnlyList<InboxTicket>> AllTicketsAsync()
    {
        // The SLA states of the demo tickets are computed after start: the SLA view and sort need them settled.
        await app.Services.GetRequiredService<SlaFeed>().CatchUp;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await Feed.LoadAsync(await db.Tickets.Select(t => t.Id).ToListAsync());
    }
}
