using AgentWorkspace.Features.Account;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Writes an article with a live Markdown preview. Saving carries the version the editor started from: if anyone
/// changed the article meanwhile, the save is refused and the editor compares, reloads, or deliberately keeps
/// their text on top of the latest revision. While open it shows as "… is editing" to everyone else.
/// </summary>
public sealed partial class ArticleEditor
{
    private ArticleDraft form = new("", "", null, "", "", false);
    private string note = "";
    private string language = "en";
    private long baseVersion;
    private bool slugTouched;
    private bool dirty;
    private bool ready;
    private bool notFound;
    private bool busy;
    private string? error;
    private string? savedMessage;
    private ArticleResult? conflict;
    private bool changedElsewhere;
    private RevisionComparison? latestComparison;
    private int latestNumber;
    private long latestVersion;
    private ReviewComment? reviewComment;
    private ArticleStatus status = ArticleStatus.Draft;
    private bool isLive;
    private IReadOnlyList<CategoryOption> categories = [];
    private IReadOnlyList<string> otherEditors = [];
    private KbActor actor = new("", false, false);
    private IDisposable? watch;
    private MudBlazor.MudForm? formRef;

    [Inject] private ArticleService Articles { get; set; } = default!;
    [Inject] private ArticleQueries Queries { get; set; } = default!;
    [Inject] private ArticlePresence Presence { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private MudBlazor.ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int? Id { get; set; }

    [SupplyParameterFromQuery] public int? TranslationOf { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actor = KbActor.From(user);
        categories = await Queries.CategoriesAsync();
        if (Id is { } id)
        {
            if (!await LoadAsync(id))
            {
                notFound = true;
                return;
            }
            watch = Presence.Watch(id, actor.AgentId, user.DisplayName(), editing: true);
            otherEditors = OtherEditors(id);
            Follow(Topic.Article(id), batch =>
            {
                changedElsewhere |= batch.Any(e => e is ArticleChanged changed && changed.ActorAgentId != actor.AgentId);
                otherEditors = OtherEditors(id);
                return Task.FromResult(true);
            });
        }
        else if (TranslationOf is { } sourceId && await Queries.GetAsync(sourceId) is { } source)
        {
            // The translator starts from the source text and replaces it.
            language = ArticleLimits.OtherLanguage(source.Language);
            form = new ArticleDraft("", "", source.Current.CategoryId, source.Current.Keywords, source.Current.Body, source.Current.IsInternal);
        }
        ready = true;
    }

    private async Task<bool> LoadAsync(int id)
    {
        var details = await Queries.GetAsync(id);
        if (details is null)
        {
            return false;
        }
        var current = details.Current;
        form = new ArticleDraft(current.Title, current.Slug, current.CategoryId, current.Keywords, current.Body, current.IsInternal);
        language = details.Language;
        baseVersion = details.Version;
        reviewComment = details.OpenReviewComment;
        status = details.Status;
        isLive = details.IsLive;
        error = details.Status == ArticleStatus.Archived ? ArchivedMessage : null;
        dirty = false;
        return true;
    }

    private IReadOnlyList<string> OtherEditors(int id) =>
        Presence.Viewers(id).Where(v => v.IsEditing && v.AgentId != actor.AgentId).Select(v => v.AgentName).ToList();

    private void Change(ArticleDraft next)
    {
        form = next;
        dirty = true;
        savedMessage = null;
    }

    private void OnTitleChanged(string? text)
    {
        var title = text ?? "";
        // A new article's slug follows its title until the editor types one.
        Change(Id is null && !slugTouched ? form with { Title = title, Slug = ArticleLimits.Slugify(title) } : form with { Title = title });
    }

    private void OnSlugChanged(string? slug)
    {
        slugTouched = true;
        Change(form with { Slug = slug ?? "" });
    }

    private async Task SaveAsync(bool submit)
    {
        if (busy)
        {
            return;
        }
        // Each field says what to fix, in the agent's language; nothing is sent until they all pass.
        if (formRef is not null)
        {
            await formRef.ValidateAsync();
            if (!formRef.IsValid)
            {
                Snackbar.Add(FixFieldsMessage, MudBlazor.Severity.Warning);
                return;
            }
        }
        busy = true;
        try
        {
            var draft = form with { Note = note };
            var saved = Id is null
                ? await Articles.CreateAsync(actor, new NewArticle(language, draft, TranslationOf))
                : await Articles.SaveAsync(actor, Id.Value, baseVersion, draft);
            if (saved.Outcome == ArticleOutcome.Conflict)
            {
                conflict = saved;
                latestComparison = null;
                return;
            }
            if (!saved.Succeeded)
            {
                error = KbMessages.ErrorOf(saved, L);
                return;
            }
            error = null;
            conflict = null;
            changedElsewhere = false;
            latestComparison = null;
            dirty = false;
            note = "";
            baseVersion = saved.Version!.Value;
            if (submit)
            {
                var submitted = await Articles.SubmitAsync(actor, saved.ArticleId!.Value, baseVersion);
                if (!submitted.Succeeded)
                {
                    error = NotSubmittedMessage(KbMessages.ErrorOf(submitted, L));
                    return;
                }
            }
            if (Id is null || submit)
            {
                Navigation.NavigateTo($"/kb/articles/{saved.ArticleId}");
                return;
            }
            status = ArticleStatus.Draft;
            savedMessage = SavedMessage;
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CompareWithLatestAsync()
    {
        if (Id is null || await Queries.GetAsync(Id.Value) is not { } latest)
        {
            return;
        }
        var category = categories.FirstOrDefault(c => c.Id == form.CategoryId)?.Label;
        var current = latest.Current;
        var latestCategory = categories.FirstOrDefault(c => c.Id == current.CategoryId)?.Label;
        var labels = KbMessages.DiffLabels(L);
        latestComparison = RevisionDiff.Compare(
            RevisionDiff.ToText(current.Title, current.Slug, latestCategory, current.Keywords, current.IsInternal, current.Body, labels),
            RevisionDiff.ToText(form.Title, form.Slug, category, form.Keywords, form.IsInternal, form.Body, labels));
        latestNumber = current.Number;
        latestVersion = latest.Version;
    }

    private async Task ReloadLatestAsync()
    {
        if (Id is { } id && await LoadAsync(id))
        {
            conflict = null;
            changedElsewhere = false;
            latestComparison = null;
            savedMessage = ReloadedMessage;
        }
    }

    /// <summary>A deliberate choice after reading the difference: the next save goes on top of the latest revision (which stays in history).</summary>
    private void KeepMine()
    {
        baseVersion = latestVersion;
        conflict = null;
        changedElsewhere = false;
        latestComparison = null;
        savedMessage = KeepMineMessage(latestNumber);
    }

    protected override void OnDispose() => watch?.Dispose();
}
