using System.Globalization;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>The agents' KB browser: every article in every state, with search, filters, the review queue, and live updates.</summary>
public sealed partial class KbPage
{
    private KbListFilter filter = new();
    private IReadOnlyList<ArticleListRow> rows = [];
    private IReadOnlyList<CategoryOption> categories = [];
    private IReadOnlyDictionary<int, IReadOnlyList<string>> editing = new Dictionary<int, IReadOnlyList<string>>();
    private KbActor actor = new("", false, false);
    private int reviewCount;
    private bool loaded;

    [Inject] private ArticleQueries Queries { get; set; } = default!;
    [Inject] private ArticlePresence Presence { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private IEnumerable<KbView> Views => Enum.GetValues<KbView>().Where(v => v != KbView.WaitingForMyReview || actor.CanReview);

    private string CategoryLabel(int? id) => categories.FirstOrDefault(c => c.Id == id)?.Label ?? "";

    protected override async Task OnInitializedAsync()
    {
        actor = KbActor.From((await AuthenticationState).User);
        categories = await Queries.CategoriesAsync();
        if (Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith("kb/review", StringComparison.Ordinal) && actor.CanReview)
        {
            filter = filter with { View = KbView.WaitingForMyReview };
        }
        Follow(Topic.Kb, async batch =>
        {
            if (batch.Any(e => e is ArticleChanged or ArticleFeedbackRecorded or ReloadRequired))
            {
                await LoadAsync();
                return true;
            }
            var before = editing;
            editing = Presence.EditedBy(rows.Select(r => r.Id), actor.AgentId);
            return editing.Count != before.Count || editing.Count > 0;
        });
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        rows = await Queries.ListAsync(filter, actor.AgentId);
        reviewCount = actor.CanReview ? await Queries.WaitingForReviewCountAsync(actor.AgentId) : 0;
        editing = Presence.EditedBy(rows.Select(r => r.Id), actor.AgentId);
        loaded = true;
    }

    private async Task ApplyAsync(KbListFilter next)
    {
        filter = next;
        await LoadAsync();
    }

    /// <summary>Searches as the agent types (debounced by the field, so a burst of keystrokes is one query).</summary>
    private Task OnSearchChanged(string? text) =>
        ApplyAsync(filter with { Search = string.IsNullOrWhiteSpace(text) ? null : text });
}
