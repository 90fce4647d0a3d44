using System.Net;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Account;

[Collection(AppCollection.Name)]
public sealed class LockoutTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var email = await CreateAgentAsync("lockout");
        using var client = new FormClient(app.ServerAddress);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync(email, "Wrong!Pass2026");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var right = await client.SignInAsync(email, DemoAgents.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked-out agent gets the form back, not a redirect");
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked");
    }

    [Fact]
    public async Task DeactivatedAgent_CannotSignIn()
    {
        var email = await CreateAgentAsync("deactivated");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
            var agent = await users.FindByEmailAsync(email);
            var admin = scope.ServiceProvider.GetRequiredService<AgentAdminService>();
            (await admin.SetActiveAsync(agent!.Id, false, actingAdminId: "someone-else")).Succeeded.ShouldBeTrue();
        }
        using var client = new FormClient(app.ServerAddress);

        var response = await client.SignInAsync(email, DemoAgents.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("deactivated");
    }

    private async Task<string> CreateAgentAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@nimbus.test";
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AgentAdminService>();
        var result = await admin.CreateAgentAsync(new NewAgent
        {
            DisplayName = "Test Agent",
            Email = email,
            Password = DemoAgents.Password,
            Roles = [Roles.Agent],
        });
        result.Succeeded.ShouldBeTrue(result.Error);
        return email;
    }
}
