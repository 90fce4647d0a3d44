using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

public sealed class MentionParsingTests
{
    private static readonly (string, string, string?)[] Agents =
    [
        ("ana", "Ana García", "ana@nimbus.test"),
        ("rita", "Rita Okafor", "rita.okafor@nimbus.test"),
        ("lucas", "Lucas Martín", "lucas@nimbus.test"),
    ];

    [Theory]
    [InlineData("@ana can you check?", "ana")]
    [InlineData("Ping @ANA.", "ana")]
    [InlineData("cc @anagarcia", "ana")]
    [InlineData("@rita.okafor and @lucas", "rita,lucas")]
    [InlineData("@Lúcas", "lucas")]
    [InlineData("mail ana@nimbus.test is not a mention", "")]
    [InlineData("@anastasia is someone else", "")]
    public void Handles_NameTeammates_ByFirstNameEmailOrFullName(string note, string expected) =>
        Mentions.Find(note, Agents).ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ignoreOrder: true);
}

[Collection(AppCollection.Name)]
public sealed class MentionNotificationTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task MentioningATeammateInANote_NotifiesThem_ButAMentionInAReplyDoesNot()
    {
        var data = new TicketTestData(app.Services);
        var ticket = await data.CreateAsync();
        var rita = await data.ScopeAsync(DemoAgents.RitaEmail);
        await using var db = await data.DbAsync();
        var anaId = await db.Users.Where(a => a.Email == DemoAgents.AnaEmail).Select(a => a.Id).SingleAsync();
        var center = app.Services.GetRequiredService<NotificationCenter>();
        var before = (await center.RecentAsync(anaId, 100)).Count(n => n.Link == $"/tickets/{ticket.Number}");

        (await data.Tickets.AddAgentMessageAsync(rita, ticket.Id, new AgentMessage("@ana this customer is on the old plan", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        (await data.Tickets.AddAgentMessageAsync(rita, ticket.Id, new AgentMessage("Thanks! @ana will follow up", MessageVisibility.Public))).Succeeded.ShouldBeTrue();

        var notes = (await center.RecentAsync(anaId, 100)).Where(n => n.Link == $"/tickets/{ticket.Number}").ToList();
        notes.Count.ShouldBe(before + 1);
        notes[0].Title.ShouldBe($"Rita Okafor mentioned you on #{ticket.Number}");
    }

    [Fact]
    public async Task AnAgentWhoWorksInSpanish_IsNotifiedInSpanish()
    {
        var data = new TicketTestData(app.Services);
        var ticket = await data.CreateAsync();
        var rita = await data.ScopeAsync(DemoAgents.RitaEmail);
        await using var db = await data.DbAsync();
        var lucasId = await db.Users.Where(a => a.Email == DemoAgents.LucasEmail).Select(a => a.Id).SingleAsync();
        var preferences = app.Services.CreateScope().ServiceProvider.GetRequiredService<AgentWorkspace.Features.Account.AgentPreferences>();
        var center = app.Services.GetRequiredService<NotificationCenter>();
        try
        {
            (await preferences.SetLanguageAsync(lucasId, "es")).ShouldBeTrue();

            (await data.Tickets.AddAgentMessageAsync(rita, ticket.Id, new AgentMessage("@lucas ¿lo miras tú?", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();

            var latest = (await center.RecentAsync(lucasId, 100)).First(n => n.Link == $"/tickets/{ticket.Number}");
            latest.Title.ShouldBe($"Rita Okafor te ha mencionado en el ticket #{ticket.Number}");
        }
        finally
        {
            await db.Users.Where(a => a.Id == lucasId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, (string?)null));
        }
    }
}
