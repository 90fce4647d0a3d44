using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Inbox;

[Collection(AppCollection.Name)]
public sealed class InboxQueryTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);
    private InboxQuery Inbox => app.Services.GetRequiredService<InboxQuery>();

    [Theory]
    [InlineData("contrasena")]
    [InlineData("CONTRASEÑA")]
    [InlineData("contras")]
    public async Task Search_IsCaseAndAccentInsensitive_AndMatchesPrefixes(string query)
    {
        var ticket = await Data.CreateAsync(body: $"No recuerdo mi contraseña {Guid.NewGuid():N}");
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);

        var page = await Inbox.ListAsync(admin, new InboxFilter { Search = query }, null, 100);

        page.Rows.Select(r => r.Number).ShouldContain(ticket.Number);
    }

    [Fact]
    public async Task Search_FindsNewMessagesAndCustomerNames_AndIgnoresOperatorSyntax()
    {
        var marker = $"zebra{Guid.NewGuid():N}"[..14];
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage($"note about {marker}", MessageVisibility.Internal));

        (await Inbox.ListAsync(ana, new InboxFilter { Search = marker })).Rows.Single().Number.ShouldBe(ticket.Number);
        (await Inbox.ListAsync(ana, new InboxFilter { Search = $"\"{marker}\" OR NEAR(" })).Rows.ShouldBeEmpty();
        (await Inbox.ListAsync(ana, new InboxFilter { Search = "***" })).Rows.ShouldBeEmpty();
        (await Inbox.ListAsync(ana, new InboxFilter { Search = $"#{ticket.Number}" })).Rows.Single().Number.ShouldBe(ticket.Number);
    }

    [Fact]
    public async Task Search_FindsWordsOfNewTicketsAndEditedMessages_ByTheirFirstLetters()
    {
        // Prefixes of four letters and more are answered from the list of terms the index holds, so every
        // way text enters the index must add its new words to that list.
        var word = $"quokka{Guid.NewGuid():N}"[..16];
        var edited = $"wombat{Guid.NewGuid():N}"[..16];
        var ticket = await Data.CreateAsync(subject: $"About {word}");
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var reply = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage("first wording", MessageVisibility.Public));
        (await Data.Tickets.EditAgentMessageAsync(ana, ticket.Id, reply.Message!.Id, $"second wording {edited}")).Succeeded.ShouldBeTrue();

        foreach (var search in new[] { word[..8], word, edited[..9].ToUpperInvariant(), $"second {edited[..7]}" })
        {
            (await Inbox.ListAsync(ana, new InboxFilter { Search = search })).Rows.Select(r => r.Number).ShouldBe([ticket.Number], search);
        }
    }

    [Theory]
    [InlineData(InboxSort.LastActivity)]
    [InlineData(InboxSort.Priority)]
    [InlineData(InboxSort.Created)]
    [InlineData(InboxSort.LongestWaiting)]
    [InlineData(InboxSort.DueSoonest)]
    public async Task KeysetPages_CoverEveryTicketOnce_InSortOrder(InboxSort sort)
    {
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var filter = new InboxFilter { View = InboxView.ResolvedAndClosed, Sort = sort };
        var all = (await Inbox.ListAsync(admin, filter, null, 100)).Rows;
        all.Count.ShouldBeGreaterThan(20, "the demo data has enough resolved and closed tickets to page through");

        var paged = new List<InboxRow>();
        string? after = null;
        do
        {
            var page = await Inbox.ListAsync(admin, filter, after, 7);
            paged.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        paged.Select(r => r.Id).ShouldBe(all.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_Combine()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent));
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag("filter-test"));

        var page = await Inbox.ListAsync(ana, new InboxFilter
        {
            Priorities = [TicketPriority.Urgent],
            Channels = [TicketChannel.Email],
            Tag = "filter-test",
            Statuses = [TicketStatus.Open],
            CreatedFrom = DateTimeOffset.UtcNow.AddMinutes(-5),
        });

        page.Rows.Select(r => r.Number).ShouldBe([ticket.Number]);
    }

    [Fact]
    public async Task UpdatedMarker_ClearsWhenTheAgentOpensTheTicket_AndReturnsOnNewActivity()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var reads = app.Services.GetRequiredService<TicketReads>();
        async Task<bool> UpdatedAsync() => (await Inbox.ListAsync(ana, new InboxFilter { Search = $"#{ticket.Number}" })).Rows.Single().Updated;

        (await UpdatedAsync()).ShouldBeTrue();
        await reads.MarkSeenAsync(ana.AgentId, ticket.Id);
        (await UpdatedAsync()).ShouldBeFalse();
        await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Any news?", null);
        (await UpdatedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Counts_IncludeTeamViews_AndMatchTheirLists()
    {
        var rita = await Data.ScopeAsync(DemoAgents.RitaEmail);

        var counts = await Inbox.CountsAsync(rita);
        var teams = await Inbox.TeamsAsync(rita);

        teams.Count.ShouldBe(2);
        foreach (var (id, _) in teams)
        {
            var listed = (await Inbox.ListAsync(rita, new InboxFilter { View = InboxView.Team, ViewTeamId = id }, null, 100)).Rows.Count;
            counts[$"Team:{id}"].ShouldBe(listed);
        }
    }
}
