using AgentWorkspace.Features.Canned;

namespace AgentWorkspace.Tests.Features.Canned;

/// <summary>Who sees which canned responses: personal ones only their author, team ones that team (and managers), shared everyone.</summary>
public sealed class CannedSharingTests : CannedTest
{
    [Fact]
    public async Task APersonalResponse_IsNeverVisibleToAnyoneElse_NotEvenATeammateOrASupervisor()
    {
        var ben = await AddBenAndRitaAsync();
        var mine = await SaveAsync("mine", "Only mine.", sharing: Sharing.Personal, by: AnaActor);
        var ticket = (await CreateTicketAsync()).Ticket;

        (await Canned.ListAsync(AnaActor)).Select(c => c.Id).ShouldContain(mine);
        foreach (var other in new[] { LucasActor, ben, Supervisor })
        {
            (await Canned.ListAsync(other)).ShouldBeEmpty();
            (await Canned.FindAsync(other, mine)).ShouldBeNull();
            (await Canned.RenderForTicketAsync(other, Lucas, mine, ticket.Id)).ShouldBeNull();
            (await Canned.RecordUseAsync(other, mine)).ShouldBeNull();
            (await Canned.DeleteAsync(other, mine)).Problem!.Key.ShouldBe("NotFound");
        }
    }

    [Fact]
    public async Task ATeamResponse_IsVisibleToItsMembers_AndManagers_NotToOtherTeams()
    {
        var ben = await AddBenAndRitaAsync();
        var billing = await SaveAsync("billing-only", "For Billing.", sharing: Sharing.Team, teamId: BillingId);
        var shared = await SaveAsync("everyone", "For all.");

        (await Canned.ListAsync(AnaActor)).Select(c => c.Id).ShouldBe([shared, billing]);
        (await Canned.ListAsync(LucasActor)).Select(c => c.Id).ShouldBe([shared, billing]);
        (await Canned.ListAsync(Supervisor)).Select(c => c.Id).ShouldBe([shared, billing]);
        (await Canned.ListAsync(ben)).Select(c => c.Id).ShouldBe([shared]);
    }

    [Fact]
    public async Task AgentsKeepTheirOwnPersonal_OnlyManagersShare_AndTeamMembersCannotEditTeamOnes()
    {
        var shared = await Canned.SaveAsync(AnaActor, new CannedDraft(0, "x", "X", "X", null, Sharing.Shared, null));
        shared.Problem!.Key.ShouldBe("OnlyManagersShare");

        var team = await SaveAsync("team", "Team text.", sharing: Sharing.Team, teamId: BillingId);
        var edit = await Canned.SaveAsync(AnaActor, new CannedDraft(team, "team", "Changed", "Changed", null, Sharing.Team, BillingId));
        edit.Problem!.Key.ShouldBe("OnlyManagersShare");
        var delete = await Canned.DeleteAsync(AnaActor, team);
        delete.Problem!.Key.ShouldBe("NotYours");

        var own = await SaveAsync("own", "Mine.", sharing: Sharing.Personal, by: AnaActor);
        (await Canned.SaveAsync(AnaActor, new CannedDraft(own, "own", "Mine now", "Still mine.", null, Sharing.Personal, null))).Succeeded.ShouldBeTrue();
        (await Canned.FindAsync(AnaActor, own))!.Title.ShouldBe("Mine now");
    }

    [Fact]
    public async Task UsingAResponse_CountsIt()
    {
        var id = await SaveAsync("count", "Counted.");

        await Canned.RecordUseAsync(AnaActor, id);
        (await Canned.RecordUseAsync(LucasActor, id)).ShouldBe(2);

        (await Canned.FindAsync(AnaActor, id))!.UsageCount.ShouldBe(2);
    }
}
