using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Who has an article open, and who has it open in the editor ("Ana is editing"), on the one <see cref="PresenceBoard"/>.
/// </summary>
public sealed class ArticlePresence(PresenceBoard board)
{
    public IDisposable Watch(int articleId, string agentId, string agentName, bool editing) =>
        board.Join(Topic.Article(articleId), agentId, agentName, editing ? PresenceActivity.Editing : PresenceActivity.Present);

    /// <summary>One entry per agent (several tabs count once), editing if any of their tabs edits.</summary>
    public IReadOnlyList<ArticleViewer> Viewers(int articleId) =>
        board.Here(Topic.Article(articleId)).Select(e => new ArticleViewer(e.AgentId, e.AgentName, e.Activity == PresenceActivity.Editing)).ToList();

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
}

public sealed record ArticleViewer(string AgentId, string AgentName, bool IsEditing);
