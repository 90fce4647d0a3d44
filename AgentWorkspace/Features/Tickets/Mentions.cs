using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// "@ana", "@Ana", "@rita.okafor" or "@anagarcia" in an internal note name a teammate: by first name, by the part of
/// their e-mail before the @, or by their whole name without spaces, ignoring case and accents.
/// </summary>
public static partial class Mentions
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}.])@([\p{L}\p{N}][\p{L}\p{N}._-]*)")]
    private static partial Regex Handle();

    public static IReadOnlyList<string> Find(string body, IEnumerable<(string Id, string DisplayName, string? Email)> agents)
    {
        var handles = Handle().Matches(body).Select(m => Fold(m.Groups[1].Value.TrimEnd('.', '-', '_'))).ToHashSet();
        if (handles.Count == 0)
        {
            return [];
        }
        return agents.Where(a => NamesOf(a).Any(handles.Contains)).Select(a => a.Id).Distinct().ToList();
    }

    private static IEnumerable<string> NamesOf((string Id, string DisplayName, string? Email) agent)
    {
        var parts = agent.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0)
        {
            yield return Fold(parts[0]);
        }
        yield return Fold(string.Concat(parts));
        if (agent.Email?.Split('@')[0] is { Length: > 0 } local)
        {
            yield return Fold(local);
        }
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }
        return folded.ToString();
    }
}
