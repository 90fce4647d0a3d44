using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// The agents' knowledge-base words (KnowledgeBaseStrings.resx / .es.resx). Status names are static so plain-markup
/// list rows and other features' panels name them too; <see cref="ArticleStatusLabels.Label"/> stays English for
/// stored history and service messages.
/// </summary>
public sealed class KnowledgeBaseStrings
{
    /// <summary>Draft, In review, Published, Archived in the agent's language.</summary>
    public static string Status(ArticleStatus status) => Word($"Status_{status}");

    /// <summary>A word from KnowledgeBaseStrings.resx in the current UI culture, for plain-markup fragments with no localizer.</summary>
    public static string Word(string key) => ResourceText<KnowledgeBaseStrings>.Get(key);
}
