using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Tests.Features.Api;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Agents;

/// <summary>What admins name (agents, teams, API keys) goes through the shared text policy in the services the pages call.</summary>
[Collection(TextPolicyCollection.Name)]
public sealed class AdminTextPolicyTests(WorkspaceAppFactory app)
{
    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public async Task ANameThatShowsAsNothingOrHidesAControl_IsRefused_ForAgentsTeamsAndKeys_AndNothingIsStored(string label)
    {
        var bad = BadText.RefusedText(label);
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AgentAdminService>();
        var (agents, teams, keys) = await CountsAsync();

        var agent = await admin.CreateAgentAsync(new NewAgent { DisplayName = bad, Email = $"{Guid.NewGuid():N}@nimbus.test", Password = DemoAgents.Password });
        var team = await admin.CreateTeamAsync(bad, null);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(await app.AgentIdAsync(DemoAgents.AdminEmail), bad, null);

        agent.Succeeded.ShouldBeFalse(label);
        agent.Error.ShouldNotBeNull().ShouldContain("display name");
        team.Succeeded.ShouldBeFalse(label);
        team.Error.ShouldNotBeNull().ShouldContain("team name");
        key.Succeeded.ShouldBeFalse(label);
        key.Error.ShouldNotBeNullOrWhiteSpace();
        (await CountsAsync()).ShouldBe((agents, teams, keys), label);
    }

    [Fact]
    public async Task Names_AreStoredComposedAndTrimmed()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AgentAdminService>();

        var agent = await admin.CreateAgentAsync(new NewAgent { DisplayName = $"\u200BRene\u0301e  {id}\uFEFF", Email = $"{id}@nimbus.test", Password = DemoAgents.Password });
        var team = await admin.CreateTeamAsync($" E\u0301quipe\t{id} ", " Soporte\u00A0te\u0301cnico ");
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(await app.AgentIdAsync(DemoAgents.AdminEmail), $"Integracio\u0301n {id}", null);

        agent.Succeeded.ShouldBeTrue(agent.Error);
        team.Succeeded.ShouldBeTrue(team.Error);
        (await admin.CreateTeamAsync($"Other {id}", "Refunds\u0007")).Error.ShouldNotBeNull().ShouldContain("team description");
        key.Succeeded.ShouldBeTrue(key.Error);
        await using var db = await app.DbAsync();
        (await db.Users.SingleAsync(a => a.Id == agent.AgentId)).DisplayName.ShouldBe($"Renée {id}");
        var stored = await db.Teams.SingleAsync(t => t.Name == $"Équipe {id}");
        stored.Description.ShouldBe("Soporte técnico");
        (await db.ApiKeys.SingleAsync(k => k.Id == key.Id)).Name.ShouldBe($"Integración {id}");
    }

    private async Task<(int Agents, int Teams, int Keys)> CountsAsync()
    {
        await using var db = await app.DbAsync();
        return (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.ApiKeys.CountAsync());
    }
}
