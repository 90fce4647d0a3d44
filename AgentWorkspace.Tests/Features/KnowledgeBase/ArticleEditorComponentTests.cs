using AgentWorkspace.Features.KnowledgeBase;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>The article editor as an editor uses it: a live preview that never runs what was typed, and field errors in their language.</summary>
public sealed class ArticleEditorComponentTests : KbComponentTest
{
    [Theory]
    [InlineData("<script>alert('xss')</script>", "script")]
    [InlineData("<img src=x onerror=alert(1)>", "img")]
    [InlineData("Before <b onmouseover=alert(1)>bold</b> after", "b")]
    public void RawHtmlTypedInTheBody_ShowsInThePreviewAsText_NeverAsMarkup(string typed, string element)
    {
        var editor = Render<ArticleEditor>();

        Type(editor, "editor-body", typed);

        var preview = editor.Find("[data-testid=editor-preview]");
        preview.QuerySelectorAll(element).ShouldBeEmpty($"the preview rendered a <{element}> element");
        preview.QuerySelectorAll("[onerror], [onmouseover]").ShouldBeEmpty();
        preview.TextContent.ShouldContain(typed.Contains("Before") ? "<b onmouseover=alert(1)>" : typed);
        preview.InnerHtml.ShouldContain("&lt;" + element);
    }

    [Fact]
    public void MarkdownTypedInTheBody_IsFormattedInThePreview()
    {
        var editor = Render<ArticleEditor>();

        Type(editor, "editor-body", "Open the order and choose **Split shipment**.");

        editor.Find("[data-testid=editor-preview] strong").TextContent.ShouldBe("Split shipment");
    }

    [Theory]
    [InlineData("en", "Give the article a title.", "The article has no content yet.")]
    [InlineData("es", "Ponle un título al artículo.", "El artículo aún no tiene contenido.")]
    public async Task SavingAnEmptyArticle_ShowsWhatToFixInTheAgentsLanguage_AndSavesNothing(string language, string noTitle, string noBody)
    {
        UseLanguage(language);
        var editor = Render<ArticleEditor>();

        await editor.Find("[data-testid=editor-save]").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Markup.ShouldContain(noTitle));
        editor.Markup.ShouldContain(noBody);
        editor.Find("[data-testid=editor-title]").GetAttribute("aria-invalid").ShouldBe("true");
        await using var db = Db();
        (await db.Articles.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("en", "The slug is 1 to 200 lower-case letters, digits and dashes")]
    [InlineData("es", "El slug tiene de 1 a 200 letras minúsculas, dígitos y guiones")]
    public async Task ABadSlug_IsRefusedBeforeSaving_InTheAgentsLanguage(string language, string message)
    {
        UseLanguage(language);
        var editor = Render<ArticleEditor>();
        Type(editor, "editor-title", "Reset your password");
        Type(editor, "editor-body", "Open **Settings**.");

        editor.Find("[data-testid=editor-slug]").GetAttribute("value").ShouldBe("reset-your-password");
        Type(editor, "editor-slug", "Reset Your Password!");
        await editor.Find("[data-testid=editor-save]").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Markup.ShouldContain(message));
        await using var db = Db();
        (await db.Articles.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AValidArticle_IsSavedAsRevisionOne()
    {
        var editor = Render<ArticleEditor>();
        Type(editor, "editor-title", "Reset your password");
        Type(editor, "editor-body", "Open **Settings**.");

        await editor.Find("[data-testid=editor-save]").ClickAsync(new());

        await using var db = Db();
        editor.WaitForAssertion(() => db.Articles.Count().ShouldBe(1));
        (await db.ArticleRevisions.SingleAsync()).Title.ShouldBe("Reset your password");
    }

    /// <summary>Types into a Mud text field the way the browser reports it (an input event, the field is Immediate).</summary>
    private static void Type(IRenderedComponent<ArticleEditor> editor, string testId, string text) =>
        editor.Find($"[data-testid={testId}]").Input(text);
}
