using AgentWorkspace.Features.Agents;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>Two editors on one article: presence, and the second save is a conflict they can compare and reload, never an overwrite.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class KbConflictTests(BrowserFixture browser)
{
    private KbTestData Data => new(browser.App.Services);

    [Fact]
    public async Task TheSecondEditorToSave_GetsAConflict_ComparesAndReloads_AndNothingIsOverwritten()
    {
        var (id, _) = await Data.CreateAsync(await Data.ActorAsync(DemoAgents.AnaEmail), KbTestData.Draft(KbTestData.Unique("Change the order number format"), "Original steps."));
        var (leeEmail, lee) = await Data.CreateAgentAsync("Lee Second-Editor", Roles.KbEditor);
        await using var ana = await browser.NewPageAsync();
        await using var leePage = await browser.NewPageAsync();
        await using var ben = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await leePage.SignInAsync(leeEmail);
        await ben.SignInAsync(DemoAgents.BenEmail);

        await ben.OpenAsync($"/kb/articles/{id}");
        await leePage.OpenAsync($"/kb/articles/{id}/edit");
        await ana.OpenAsync($"/kb/articles/{id}/edit");

        // Everyone sees who is editing.
        await Expect(ben.Page.GetByTestId("article-viewers").Locator("[data-agent='Ana García'][data-editing=true]")).ToContainTextAsync("Ana García is editing");
        await Expect(ben.Page.GetByTestId("article-viewers").Locator("[data-agent='Lee Second-Editor'][data-editing=true]")).ToBeVisibleAsync();
        await Expect(leePage.Page.GetByTestId("article-viewers").Locator("[data-agent='Ana García']")).ToContainTextAsync("is editing");

        // Ana saves first; Lee's editor warns him at once.
        await ana.Page.FillBodyAsync("Ana's clearer steps.", "Ana's clearer steps.");
        await ana.Page.GetByTestId("editor-save").ClickAsync();
        await Expect(ana.Page.GetByTestId("editor-saved")).ToBeVisibleAsync();
        await Expect(leePage.Page.GetByTestId("edit-conflict")).ToBeVisibleAsync();

        // Lee saves anyway: refused as a conflict, his text kept in his editor.
        await leePage.Page.FillBodyAsync("Lee's rewrite.", "Lee's rewrite.");
        await leePage.Page.GetByTestId("editor-save").ClickAsync();
        await Expect(leePage.Page.GetByTestId("edit-conflict")).ToContainTextAsync("it is now revision 2 by Ana García");
        await Expect(leePage.Page.GetByTestId("editor-body")).ToHaveValueAsync("Lee's rewrite.");
        await using (var db = await Data.DbAsync())
        {
            (await db.ArticleRevisions.CountAsync(r => r.ArticleId == id)).ShouldBe(2);
            (await db.ArticleRevisions.CountAsync(r => r.ArticleId == id && r.AuthorId == lee.AgentId)).ShouldBe(0);
        }

        // He compares, then reloads Ana's version.
        await leePage.Page.GetByTestId("conflict-compare").ClickAsync();
        var diff = leePage.Page.GetByTestId("revision-diff");
        await Expect(diff.Locator("[data-kind=Removed]")).ToContainTextAsync("Ana's clearer steps.");
        await Expect(diff.Locator("[data-kind=Added]")).ToContainTextAsync("Lee's rewrite.");
        await leePage.Page.GetByTestId("conflict-reload").ClickAsync();
        await Expect(leePage.Page.GetByTestId("editor-body")).ToHaveValueAsync("Ana's clearer steps.");
        await Expect(leePage.Page.GetByTestId("edit-conflict")).ToHaveCountAsync(0);

        // Building on the latest revision now saves normally.
        await leePage.Page.FillBodyAsync("Ana's clearer steps.\n\nPlus Lee's tip.", "Plus Lee's tip.");
        await leePage.Page.GetByTestId("editor-save").ClickAsync();
        await Expect(leePage.Page.GetByTestId("editor-saved")).ToBeVisibleAsync();
        var details = (await Data.Queries.GetAsync(id))!;
        details.Revisions.Select(r => (r.Number, r.AuthorName)).ShouldBe([(3, "Lee Second-Editor"), (2, "Ana García"), (1, "Ana García")]);
        details.Current.Body.ShouldBe("Ana's clearer steps.\n\nPlus Lee's tip.");
    }
}
