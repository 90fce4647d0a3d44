using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>Article titles, keywords and revision notes go through the shared text policy in <c>ArticleService</c>.</summary>
[Collection(TextPolicyCollection.Name)]
public sealed class ArticleTextPolicyTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public async Task ATitleThatShowsAsNothingOrHidesAControl_IsRefused_OnCreateAndSave_AndNothingIsStored(string label)
    {
        var bad = BadText.RefusedText(label);
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Policy article")));
        var articles = await CountAsync();

        var created = await Data.Articles.CreateAsync(ana, new("en", KbTestData.Draft(bad)));
        var saved = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft(bad));

        created.Succeeded.ShouldBeFalse(label);
        created.Error.ShouldNotBeNull().ShouldContain("title", Case.Insensitive);
        saved.Succeeded.ShouldBeFalse(label);
        (await CountAsync()).ShouldBe(articles, label);
        (await Data.Queries.GetAsync(id))!.Revisions.Count.ShouldBe(1, label);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u200B\u200B")]
    [InlineData("refund\u202E")]
    public async Task AKeywordOrNoteThatHidesAControlOrShowsNothing_IsRefused(string bad)
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);

        var keyword = await Data.Articles.CreateAsync(ana, new("en", KbTestData.Draft(KbTestData.Unique("Keywords"), keywords: "refund, " + bad)));
        var note = await Data.Articles.CreateAsync(ana, new("en", KbTestData.Draft(KbTestData.Unique("Notes"), note: bad)));

        keyword.Error.ShouldNotBeNull().ShouldContain("keyword");
        note.Error.ShouldNotBeNull().ShouldContain("note");
    }

    [Fact]
    public async Task TitleKeywordsNoteAndBody_AreStoredComposedAndClean()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var id = Guid.NewGuid().ToString("N")[..8];

        var (articleId, _) = await Data.CreateAsync(ana, KbTestData.Draft($"\u200BCambia la contrasen\u0303a\t {id}",
            body: "Paso\u0007 uno\r\nPaso dos", keywords: "contrasen\u0303a ,\uFEFF clave, , clave", note: " primera\u00A0versio\u0301n "));

        var current = (await Data.Queries.GetAsync(articleId))!.Current;
        current.Title.ShouldBe($"Cambia la contraseña {id}");
        current.Slug.ShouldBe($"cambia-la-contrasena-{id}");
        current.Keywords.ShouldBe("contraseña, clave");
        current.Body.ShouldBe("Paso uno\nPaso dos");
        (await Data.Queries.GetAsync(articleId))!.Revisions.Single().Note.ShouldBe("primera versión");
    }

    private async Task<int> CountAsync()
    {
        await using var db = await Data.DbAsync();
        return await db.Articles.CountAsync();
    }
}
