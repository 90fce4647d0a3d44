using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>Locators and gestures on the knowledge-base pages, by their data-testid hooks.</summary>
public static class KbPages
{
    public static ILocator KbRow(this IPage page, int articleId) =>
        page.Locator($"[data-testid=kb-row][data-article='{articleId}']");

    public static ILocator KbRowTitled(this IPage page, string title) =>
        page.Locator("[data-testid=kb-row]", new() { Has = page.Locator("[data-testid=kb-title]", new() { HasTextString = title }) });

    public static ILocator ArticleStatus(this IPage page) =>
        page.GetByTestId("article-page").Locator("[data-testid=article-status]");

    public static Task ExpectStatusAsync(this IPage page, string status) =>
        Expect(page.ArticleStatus()).ToHaveAttributeAsync("data-status", status);

    public static async Task SelectKbViewAsync(this IPage page, string view)
    {
        await page.Locator($"[data-testid=kb-views] [data-view={view}]").ClickAsync();
        await Expect(page.Locator($"[data-testid=kb-views] [data-view={view}]")).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>Says yes in the confirmation dialog a step like publishing or archiving opens, and waits for it to close.</summary>
    public static async Task ConfirmAsync(this IPage page)
    {
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(page.GetByTestId("confirm-ok")).ToHaveCountAsync(0);
    }

    /// <summary>Fills an editor field and waits until the circuit has it (the preview or the unsaved marker shows it).</summary>
    public static async Task FillBodyAsync(this IPage page, string body, string textInPreview)
    {
        await page.GetByTestId("editor-body").FillAsync(body);
        await Expect(page.GetByTestId("editor-preview")).ToContainTextAsync(textInPreview);
    }
}
