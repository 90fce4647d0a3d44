using System.Collections.Concurrent;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Who has an article open, and who has it open in the editor ("Ana is editing"), in memory: momentary state,
/// gone with the server. Each open page registers and disposes its registration when it closes; changes are
/// published as <see cref="ArticleViewersChanged"/>.
/// </summary>
public sealed class ArticlePresence(WorkspaceNotifier notifier)
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, ArticleViewer>> byArticle = new();

    public IDisposable Watch(int articleId, string agentId, string agentName, bool editing)
    {
        var key = Guid.NewGuid();
        byArticle.GetOrAdd(articleId, _ => new())[key] = new ArticleViewer(agentId, agentName, editing);
        Publish(articleId);
        return new Registration(this, articleId, key);
    }

    /// <summary>One entry per agent (several tabs count once), editing if any of their tabs edits.</summary>
    public IReadOnlyList<ArticleViewer> Viewers(int articleId) =>
        byArticle.TryGetValue(articleId, out var viewers)
            ? viewers.Values.GroupBy(v => v.AgentId)
                .Select(g => new ArticleViewer(g.Key, g.First().AgentName, g.Any(v => v.IsEditing)))
                .OrderBy(v => v.AgentName).ToList()
            : [];

    /// <summary>For lists: the articles someone other than <paramref name="agentId"/> is editing, and who.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> EditedBy(IEnumerable<int> articleIds, string agentId)
    {
        var result = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var id in articleIds)
        {
            var editors = Viewers(id).Where(v => v.IsEditing && v.AgentId != agentId).Select(v => v.AgentName).ToList();
            if (editors.Count > 0)
            {
                result[id] = editors;
            }
        }
        return result;
    }

    private void Leave(int articleId, Guid key)
    {
        if (byArticle.TryGetValue(articleId, out var viewers) && viewers.TryRemove(key, out _))
        {
            if (viewers.IsEmpty)
            {
                byArticle.TryRemove(new KeyValuePair<int, ConcurrentDictionary<Guid, ArticleViewer>>(articleId, viewers));
            }
            Publish(articleId);
        }
    }

    private void Publish(int articleId) => notifier.Publish(new ArticleViewersChanged(articleId));

    private sealed class Registration(ArticlePresence owner, int articleId, Guid key) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(articleId, key);
            }
        }
    }
}

public sealed record ArticleViewer(string AgentId, string AgentName, bool IsEditing);
