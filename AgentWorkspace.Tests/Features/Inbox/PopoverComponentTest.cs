using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>
/// A component test whose component opens MudBlazor popovers (selects, pickers): it renders the popover provider,
/// where their content appears.
/// </summary>
public abstract class PopoverComponentTest : ComponentTest, IAsyncLifetime
{
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Popovers = Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    /// <summary>Opens the MudSelect whose input carries <paramref name="testId"/> and picks the item with exactly <paramref name="option"/> as its text.</summary>
    protected void Choose<T>(IRenderedComponent<T> rendered, string testId, string option) where T : IComponent
    {
        rendered.Find($"input[data-testid={testId}]").Closest(".mud-select")!.MouseDown();
        var item = Popovers.WaitForElements(".mud-popover-open .mud-list-item")
            .SingleOrDefault(i => i.TextContent.Trim() == option)
            ?? throw new ShouldAssertException($"{testId} offers no \"{option}\": {string.Join(", ", Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()))}");
        item.Click();
    }
}
