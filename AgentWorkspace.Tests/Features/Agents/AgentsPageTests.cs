using System.Security.Claims;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Agents;

/// <summary>The Agents &amp; teams page on the real <see cref="AgentAdminService"/> and Identity, over a SQLite file.</summary>
public sealed class AgentsPageTests : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly Dictionary<string, string> ids = [];
    private readonly BunitAuthorizationContext auth;

    public AgentsPageTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.Configure<DemoDataOptions>(o => o.Enabled = false);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddAgentIdentity();
        Services.AddAgents();
        auth = AddAuthorization();
        auth.SetAuthorized("Morgan Lee");
        auth.SetRoles(Roles.Admin);
    }

    private AgentAdminService Admin => Services.GetRequiredService<AgentAdminService>();
    private UserManager<Agent> Users => Services.GetRequiredService<UserManager<Agent>>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Services.InitializeWorkspaceDataAsync();
        (await Admin.CreateTeamAsync("Billing & Accounts", null)).Succeeded.ShouldBeTrue();
        (await Admin.CreateTeamAsync("Technical Support", null)).Succeeded.ShouldBeTrue();
        var teams = await Admin.ListTeamsAsync();
        await CreateAsync("Morgan Lee", [Roles.Admin, Roles.Agent], []);
        await CreateAsync("Ana García", [Roles.Agent, Roles.KbEditor], [teams[0].Id]);
        await CreateAsync("Ben Carter", [Roles.Agent], [teams[1].Id]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, ids["Morgan Lee"]));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public void EachAgentsRolesAndTeams_AreACheckBoxGroupNamedAfterTheAgent()
    {
        var page = RenderPage();

        foreach (var name in new[] { "Morgan Lee", "Ana García", "Ben Carter" })
        {
            var row = Row(page, name);
            GroupName(page, row.QuerySelector("[data-testid=agent-roles]")!).ShouldBe($"Roles of {name}");
            GroupName(page, row.QuerySelector("[data-testid=agent-teams]")!).ShouldBe($"Teams of {name}");
        }
        GroupName(page, page.Find("[data-testid=new-agent-roles]")).ShouldBe("Roles of the new agent");
        GroupName(page, page.Find("[data-testid=new-agent-teams]")).ShouldBe("Teams of the new agent");
        // Inside the group, every box is named by its own label.
        Labels(Row(page, "Ana García").QuerySelector("[data-testid=agent-roles]")!).ShouldBe(["Admin", "Supervisor", "Agent", "KB editor", "KB reviewer"]);
        Labels(Row(page, "Ana García").QuerySelector("[data-testid=agent-teams]")!).ShouldBe(["Billing & Accounts", "Technical Support"]);
    }

    [Fact]
    public void ASpanishSpeakingAdmin_GetsTheGroupsAndRolesInSpanish()
    {
        UseLanguage("es");

        var page = RenderPage();

        page.Find("h1").TextContent.ShouldBe("Agentes y equipos");
        GroupName(page, Row(page, "Ana García").QuerySelector("[data-testid=agent-roles]")!).ShouldBe("Roles de Ana García");
        GroupName(page, Row(page, "Ana García").QuerySelector("[data-testid=agent-teams]")!).ShouldBe("Equipos de Ana García");
        Labels(Row(page, "Ana García").QuerySelector("[data-testid=agent-roles]")!).ShouldBe(["Administrador", "Supervisor", "Agente", "Editor de KB", "Revisor de KB"]);
    }

    [Fact]
    public async Task UncheckingARole_SavesItForThatAgent()
    {
        var page = RenderPage();

        Box(Row(page, "Ana García"), "agent-roles", Roles.KbEditor).Change(false);

        await WaitForAsync(async () => !await IsInRoleAsync("Ana García", Roles.KbEditor));
        (await IsInRoleAsync("Ana García", Roles.Agent)).ShouldBeTrue();
        Snackbars().ShouldContain("Changes to Ana García saved.");
    }

    [Fact]
    public async Task RemovingAnAgentsLastRole_IsRefused_AndTheBoxStaysChecked()
    {
        var page = RenderPage();

        Box(Row(page, "Ben Carter"), "agent-roles", Roles.Agent).Change(false);

        page.WaitForAssertion(() => Snackbars().ShouldContain("Not saved: Give the agent at least one role."));
        (await IsInRoleAsync("Ben Carter", Roles.Agent)).ShouldBeTrue();
        Box(Row(page, "Ben Carter"), "agent-roles", Roles.Agent).ClosestCheckBoxIsChecked().ShouldBeTrue();
    }

    [Fact]
    public async Task Deactivating_AsksFirst_AndCancellingChangesNothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        Row(page, "Ben Carter").QuerySelector("[data-testid=deactivate]")!.Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Deactivate Ben Carter?"));
        DialogButton(dialogs, "Cancel").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldNotContain("Deactivate Ben Carter?"));
        (await IsActiveAsync("Ben Carter")).ShouldBeTrue();

        Row(page, "Ben Carter").QuerySelector("[data-testid=deactivate]")!.Click();
        dialogs.WaitForAssertion(() => DialogButton(dialogs, "Deactivate").Click());

        await WaitForAsync(async () => !await IsActiveAsync("Ben Carter"));
        page.WaitForAssertion(() => Row(page, "Ben Carter").QuerySelector("[data-testid=reactivate]").ShouldNotBeNull());
        Row(page, "Ben Carter").TextContent.ShouldContain("Deactivated");
    }

    [Fact]
    public void TheAdminsOwnRow_OffersNoDeactivation()
    {
        var page = RenderPage();

        Row(page, "Morgan Lee").QuerySelector("[data-testid=deactivate]").ShouldBeNull();
        Row(page, "Ana García").QuerySelector("[data-testid=deactivate]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ALockedOutAgent_IsShownAsSuch_AndCanBeUnlocked()
    {
        var ben = await Users.FindByIdAsync(ids["Ben Carter"]);
        (await Users.SetLockoutEndDateAsync(ben!, DateTimeOffset.UtcNow.AddMinutes(5))).Succeeded.ShouldBeTrue();
        var page = RenderPage();
        Row(page, "Ben Carter").TextContent.ShouldContain("Locked out");

        Row(page, "Ben Carter").QuerySelector("[data-testid=unlock]")!.Click();

        await WaitForAsync(async () => (await Admin.ListAgentsAsync()).Single(a => a.DisplayName == "Ben Carter").IsLockedOut == false);
        page.WaitForAssertion(() => Row(page, "Ben Carter").TextContent.ShouldNotContain("Locked out"));
        Snackbars().ShouldContain("Ben Carter's account is unlocked.");
    }

    private IRenderedComponent<AgentsPage> RenderPage()
    {
        var page = Render<AgentsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=agents-grid] tbody tr").Count.ShouldBe(3));
        return page;
    }

    private static IElement Row(IRenderedComponent<AgentsPage> page, string name) =>
        page.FindAll("[data-testid=agents-grid] tbody tr").Single(r => r.QuerySelector(".aw-agent-name")?.TextContent == name);

    /// <summary>The group's accessible name: the text of the element its aria-labelledby points to.</summary>
    private static string GroupName(IRenderedComponent<AgentsPage> page, IElement group)
    {
        group.GetAttribute("role").ShouldBe("group");
        var labelId = group.GetAttribute("aria-labelledby").ShouldNotBeNull();
        return page.Find($"[id='{labelId}']").TextContent.Trim();
    }

    private static string[] Labels(IElement group) =>
        group.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToArray();

    private static IElement Box(IElement row, string group, string value) =>
        row.QuerySelector($"[data-testid={group}] input[type=checkbox][data-value='{value}']").ShouldNotBeNull();

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private string[] Snackbars() =>
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message?.ToString() ?? "").ToArray();

    private async Task<bool> IsInRoleAsync(string name, string role) =>
        await Users.IsInRoleAsync((await Users.FindByIdAsync(ids[name]))!, role);

    private async Task<bool> IsActiveAsync(string name) =>
        (await Admin.ListAgentsAsync()).Single(a => a.DisplayName == name).IsActive;

    /// <summary>The page saves on the renderer's dispatcher; this waits for what it stored (the condition is read fresh each time).</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the change never reached the database");
            await Task.Delay(20);
        }
    }

    private async Task CreateAsync(string name, string[] roles, int[] teamIds)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}@nimbus.test";
        var created = await Admin.CreateAgentAsync(new NewAgent { DisplayName = name, Email = email, Password = DemoAgents.Password, Roles = roles, TeamIds = teamIds });
        created.Succeeded.ShouldBeTrue(created.Error);
        ids[name] = created.AgentId!;
    }
}

internal static class CheckBoxMarkup
{
    /// <summary>MudCheckBox shows its state as a class on the icon button around the input (mud-checkbox-true).</summary>
    public static bool ClosestCheckBoxIsChecked(this IElement input) =>
        input.ParentElement!.ClassList.Contains("mud-checkbox-true");
}
