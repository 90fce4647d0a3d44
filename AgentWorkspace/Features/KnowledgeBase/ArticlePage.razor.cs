using AgentWorkspace.Features.Account;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>One article for agents: its content (live and draft), actions by role, revisions and history, live for everyone.</summary>
public sealed partial class ArticlePage
{
    private ArticleDetails? details;
    private KbActor actor = new("", false, false);
    private string agentName = "";
    private IReadOnlyList<ArticleViewer> viewers = [];
    private IDisposable? following;
    private IDisposable? watch;
    private int? watchedId;
    private bool showPublished = true;
    private bool loaded;

    [Inject] private ArticleQueries Queries { get; set; } = default!;
    [Inject] private ArticlePresence Presence { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    /// <summary>Agents read the live version by default; the draft is one click away.</summary>
    private RevisionView ShownRevision => details!.HasPendingDraft && showPublished ? details.Published! : details!.Current;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actor = KbActor.From(user);
        agentName = user.DisplayName();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (watchedId != Id)
        {
            watch?.Dispose();
            Unfollow(following);
            following = Follow(Topic.Article(Id), OnEventsAsync);
            watch = Presence.Watch(Id, actor.AgentId, agentName, editing: false);
            watchedId = Id;
            showPublished = true;
        }
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        details = await Queries.GetAsync(Id);
        viewers = Presence.Viewers(Id);
        loaded = true;
    }

    private async Task<bool> OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch.Any(e => e is ArticleChanged or ArticleFeedbackRecorded or ReloadRequired))
        {
            await ReloadAsync();
        }
        else
        {
            viewers = Presence.Viewers(Id);
        }
        return true;
    }

    protected override void OnDispose() => watch?.Dispose();
}
