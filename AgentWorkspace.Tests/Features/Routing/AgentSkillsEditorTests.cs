using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Routing;

/// <summary>The admin's skills and capacity editor on a real database with the real routing services.</summary>
public sealed class AgentSkillsEditorTests : ComponentTest
{
    private const string AgentId = "agent-ana";
    private readonly TempDatabase database = new();

    public AgentSkillsEditorTests()
    {
        using (var db = database.CreateContext())
        {
            db.Database.Migrate();
            db.Users.Add(new Agent { Id = AgentId, UserName = "ana@nimbus.test", Email = "ana@nimbus.test", DisplayName = "Ana García", CreatedAt = DateTimeOffset.UtcNow });
            db.Set<AgentSkill>().Add(new AgentSkill { AgentId = AgentId, Kind = SkillKind.Language, Value = "en", Level = 2 });
            db.SaveChanges();
        }
        var configuration = new ConfigurationBuilder().Build();
        Services.AddLogging();
        database.AddDbContextFactory(Services, serialized: true);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddPresence();
        Services.AddNotifications();
        Services.AddTickets();
        Services.AddScheduling(configuration);
        Services.AddRouting(configuration);
    }

    private IRenderedComponent<AgentSkillsEditor> RenderEditor()
    {
        Render<MudPopoverProvider>();
        var editor = Render<AgentSkillsEditor>(p => p.Add(e => e.AgentId, AgentId).Add(e => e.DisplayName, "Ana García"));
        editor.WaitForAssertion(() => editor.FindAll("[data-testid=skill-row]").Count.ShouldBe(1));
        return editor;
    }

    private static async Task ChooseAsync<T>(IRenderedComponent<AgentSkillsEditor> editor, string testId, T value)
    {
        var select = editor.FindComponents<MudSelect<T>>().Single(s => s.Markup.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal));
        await editor.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private async Task<(List<AgentSkill> Skills, AgentRouting? Capacity)> StoredAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Set<AgentSkill>().Where(s => s.AgentId == AgentId).OrderBy(s => s.Kind).ToListAsync(),
            await db.Set<AgentRouting>().FirstOrDefaultAsync(r => r.AgentId == AgentId));
    }

    [Fact]
    public async Task TheEditor_ShowsTheAgentsSkills_AndSavesAnAddedProductAreaAndNewCapacities()
    {
        var editor = RenderEditor();
        editor.Find("[data-testid=skill-row]").GetAttribute("data-value").ShouldBe("en");

        await ChooseAsync(editor, "new-skill-kind", SkillKind.Category);
        await ChooseAsync(editor, "new-skill-category", "Billing");
        await ChooseAsync(editor, "new-skill-level", 3);
        editor.Find("[data-testid=add-skill-button]").Click();
        var chats = editor.FindComponents<MudNumericField<int>>()[0];
        await editor.InvokeAsync(() => chats.Instance.ValueChanged.InvokeAsync(5));
        editor.Find("[data-testid=save-skills]").Click();

        editor.WaitForAssertion(() => editor.Find("[data-testid=skills-saved]").TextContent.ShouldBe("Saved"));
        var (skills, capacity) = await StoredAsync();
        skills.Select(s => (s.Kind, s.Value, s.Level)).ShouldBe([(SkillKind.Language, "en", 2), (SkillKind.Category, "Billing", 3)], ignoreOrder: true);
        capacity.ShouldNotBeNull().MaxChats.ShouldBe(5);
        capacity.MaxTickets.ShouldBe(AgentRouting.DefaultMaxTickets);
    }

    [Fact]
    public async Task RemovingASkill_AndSaving_RemovesItFromTheAgent()
    {
        var editor = RenderEditor();
        editor.Find("[data-testid=remove-skill]").Click();
        editor.Find("[data-testid=no-skills]");
        editor.Find("[data-testid=save-skills]").Click();

        editor.WaitForAssertion(() => editor.Find("[data-testid=skills-saved]").TextContent.ShouldBe("Saved"));
        (await StoredAsync()).Skills.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALanguageListedTwice_IsRefusedWithAClearError_AndWhatWasTypedStays()
    {
        var editor = RenderEditor();
        await ChooseAsync(editor, "new-skill-language", "en");
        editor.Find("[data-testid=add-skill-button]").Click();

        // The add is handled by the renderer after the click (a MudSelect value change before it): wait, don't assume.
        editor.WaitForAssertion(() => editor.Find("[data-testid=skills-error]").TextContent.ShouldContain("en is already listed."));
        editor.FindAll("[data-testid=skill-row]").Count.ShouldBe(1);
        (await StoredAsync()).Skills.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BadInput_SentToTheService_IsRefusedAndNothingIsSaved()
    {
        var admin = Services.GetRequiredService<RoutingAdminService>();
        (await admin.SaveProfileAsync(AgentId, [new SkillInput(SkillKind.Language, "fr", 2)], 3, 20)).ShouldBe("A language skill is one of: en, es.");
        (await admin.SaveProfileAsync(AgentId, [new SkillInput(SkillKind.Language, "es", 7)], 3, 20)).ShouldBe("A skill's level is 1 to 3.");
        (await admin.SaveProfileAsync(AgentId, [], 500, 20)).ShouldBe("Capacities are whole numbers from 0 to 100.");
        (await admin.SaveProfileAsync(AgentId, [new SkillInput(SkillKind.Category, "<script>alert(1)</script>" + new string('x', 200), 2)], 3, 20))
            .ShouldNotBeNull();

        var (skills, capacity) = await StoredAsync();
        skills.Select(s => s.Value).ShouldBe(["en"]);
        capacity.ShouldBeNull();
    }

    [Fact]
    public void InSpanish_TheEditorSpeaksSpanish()
    {
        UseLanguage("es");
        var editor = RenderEditor();

        editor.Find(".aw-skills-title").TextContent.ShouldBe("Habilidades y capacidad de Ana García");
        editor.Find("[data-testid=skill-row] .aw-skill-value").TextContent.ShouldBe("Inglés");
        editor.Find("[data-testid=save-skills]").TextContent.Trim().ShouldBe("Guardar");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
