using AgentWorkspace.Features.Customers;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>The merge preview: what moves, which values win, who survives, and nothing merged before the agent confirms.</summary>
public sealed class CustomerMergePanelTests : CustomerComponentTest
{
    private IRenderedComponent<MudPopoverProvider> popovers = null!;

    private IRenderedComponent<CustomerMergePanel> RenderPanel(int customerId, Action<int>? merged = null)
    {
        popovers = Render<MudPopoverProvider>();
        return Render<CustomerMergePanel>(p => p
            .Add(c => c.Scope, Ana)
            .Add(c => c.CustomerId, customerId)
            .Add(c => c.Merged, id => merged?.Invoke(id)));
    }

    /// <summary>Types into the lookup and picks the customer whose option text contains <paramref name="text"/>.</summary>
    private void Choose(IRenderedComponent<CustomerMergePanel> panel, string text)
    {
        panel.Find("[data-testid=merge-choose]").Input(text);
        // The options open in the popover provider, outside the panel, once the lookup's debounce has run.
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-list-item").ShouldContain(i => i.TextContent.Contains(text)), TimeSpan.FromSeconds(5));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(text)).Click();
        panel.WaitForElement("[data-testid=merge-preview]", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ThePreview_ShowsWhatMovesAndWhichValuesWin_AndNothingMergesBeforeTheAgentConfirms()
    {
        var keeper = await CustomerAsync("Keeper Ames", "keeper@example.com");
        var dupe = await CustomerAsync("Dupe Ames", "dupe@example.com", "+34 600 111 222");
        var mergedInto = 0;
        var panel = RenderPanel(keeper, id => mergedInto = id);

        Choose(panel, "Dupe Ames");

        panel.Find("[data-testid=merge-direction]").TextContent.ShouldContain("Dupe Ames will be merged into Keeper Ames");
        panel.Find("[data-testid=merge-emails]").TextContent.ShouldContain("dupe@example.com");
        panel.Find("[data-testid=merge-phones]").TextContent.ShouldContain("+34 600 111 222");
        var phone = panel.Find("[data-testid=merge-values] tr[data-field=Phone]");
        phone.QuerySelector(".aw-kept")!.TextContent.ShouldBe("+34 600 111 222");
        panel.Find("[data-testid=merge-values] tr[data-field=Name] .aw-kept").TextContent.ShouldBe("Keeper Ames");
        await using (var db = Db())
        {
            (await db.Customers.SingleAsync(c => c.Id == dupe)).MergedIntoId.ShouldBeNull();
        }

        panel.Find("[data-testid=merge-confirm]").Click();

        panel.WaitForAssertion(() => mergedInto.ShouldBe(keeper), TimeSpan.FromSeconds(5));
        await using (var db = Db())
        {
            (await db.Customers.SingleAsync(c => c.Id == dupe)).MergedIntoId.ShouldBe(keeper);
        }
    }

    [Fact]
    public async Task OnAVisitorsProfile_AVerifiedCustomerStays_AndTakingOverTheVisitorNeedsTheBoxTicked()
    {
        var visitor = await CustomerAsync("Vera Visitor", "vera.visitor@example.com");
        var verified = await CustomerAsync("Vera Verified", "vera@example.com", verified: true);
        var panel = RenderPanel(visitor);

        Choose(panel, "Vera Verified");

        panel.Find("[data-testid=merge-direction]").TextContent.ShouldContain("Vera Visitor will be merged into Vera Verified");
        panel.Find("[data-testid=merge-verified-survives]").TextContent.ShouldContain("Vera Verified is verified by your site");
        panel.FindAll("[data-testid=merge-swap]").ShouldBeEmpty();
        panel.Find("[data-testid=merge-takeover-warning]");
        panel.Find("[data-testid=merge-confirm]").HasAttribute("disabled").ShouldBeTrue();

        panel.Find("[data-testid=merge-takeover-confirm]").Change(true);
        panel.Find("[data-testid=merge-confirm]").HasAttribute("disabled").ShouldBeFalse();
        panel.Find("[data-testid=merge-confirm]").Click();

        await using var db = Db();
        panel.WaitForAssertion(() => db.Customers.AsNoTracking().Single(c => c.Id == visitor).MergedIntoId.ShouldBe(verified), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task InSpanish_ThePreviewSpeaksSpanish()
    {
        UseLanguage("es");
        var keeper = await CustomerAsync("Keeper Ruiz", "keeper.ruiz@example.com");
        await CustomerAsync("Dupe Ruiz", "dupe.ruiz@example.com");
        var panel = RenderPanel(keeper);

        Choose(panel, "Dupe Ruiz");

        panel.Find("[data-testid=merge-direction]").TextContent.ShouldContain("Dupe Ruiz se fusionará en Keeper Ruiz");
        panel.Find("[data-testid=merge-confirm]").TextContent.ShouldContain("Fusionar Dupe Ruiz en Keeper Ruiz");
    }
}
