using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentWorkspace.Features.Canned;

/// <summary>One "{{name | fallback}}" in a template; <see cref="ArticleId"/> is set for "{{kb:123}}".</summary>
public sealed record TemplateVariable(string Name, string? Fallback, int? ArticleId, int Index, int Length);

/// <summary>What a template's variables stand for on one ticket. Empty or null values use the variable's fallback.</summary>
public sealed record TemplateValues(
    string? CustomerName, string? TicketNumber, string? TicketSubject, string? AgentName, string? TeamName,
    IReadOnlyDictionary<int, (string Title, string Url)> Articles);

/// <summary>
/// The variables canned responses may use: <c>{{customer.first_name | there}}</c> (the text after "|" is used when the
/// value is missing), <c>{{kb:123}}</c> for a link to a published help-centre article. Unknown names are refused when a
/// response is saved, so a typo never reaches a customer as "{{custmer.name}}".
/// </summary>
public static partial class CannedTemplate
{
    public static readonly IReadOnlyList<string> Names =
    [
        "customer.first_name", "customer.name", "ticket.number", "ticket.subject", "agent.first_name", "agent.name", "team.name",
    ];

    /// <summary>The known variables as agents write them, for error messages and the editor's help.</summary>
    public static string KnownList => string.Join(", ", Names.Select(n => "{{" + n + "}}").Append("{{kb:123}}"));

    [GeneratedRegex(@"\{\{(?<inner>.*?)\}\}", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^kb:(?<id>[0-9]{1,9})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KbLink();

    /// <summary>The variables of <paramref name="template"/>, or the problems that make it unusable (in English, as the services speak).</summary>
    public static (IReadOnlyList<TemplateVariable> Variables, IReadOnlyList<Refusal> Problems) Parse(string template)
    {
        var variables = new List<TemplateVariable>();
        var problems = new List<Refusal>();
        foreach (Match match in Placeholder().Matches(template))
        {
            var inner = match.Groups["inner"].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var name = (bar < 0 ? inner : inner[..bar]).Trim().ToLowerInvariant();
            var fallback = bar < 0 ? null : inner[(bar + 1)..].Trim();
            if (fallback is not null && (fallback.Contains('\n', StringComparison.Ordinal) || fallback.Contains('{', StringComparison.Ordinal)))
            {
                problems.Add(new("FallbackNotPlain", "{{" + name + "}}"));
                continue;
            }
            if (KbLink().Match(name) is { Success: true } kb)
            {
                variables.Add(new(name, fallback, int.Parse(kb.Groups["id"].Value, CultureInfo.InvariantCulture), match.Index, match.Length));
            }
            else if (Names.Contains(name))
            {
                variables.Add(new(name, fallback, null, match.Index, match.Length));
            }
            else
            {
                problems.Add(new("UnknownVariable", "{{" + inner.Trim() + "}}", KnownList));
            }
        }
        // What is left after the closed placeholders: a "{{" without its "}}" is a mistake, not text.
        if (Placeholder().Replace(template, "").Contains("{{", StringComparison.Ordinal))
        {
            problems.Add(new("UnclosedVariable"));
        }
        return (variables, problems);
    }

    /// <summary>
    /// Fills the variables in. A value that is missing uses its fallback (or nothing); values are escaped so that a
    /// customer's name can't add Markdown links or formatting to the reply. <paramref name="missing"/> collects what had no value.
    /// </summary>
    public static string Render(string template, TemplateValues values, ICollection<string> missing)
    {
        var (variables, _) = Parse(template);
        var text = new StringBuilder(template.Length);
        var at = 0;
        foreach (var variable in variables)
        {
            text.Append(template, at, variable.Index - at);
            at = variable.Index + variable.Length;
            var value = ValueOf(variable, values);
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(variable.Name);
                text.Append(variable.Fallback);
            }
            else
            {
                text.Append(value);
            }
        }
        text.Append(template, at, template.Length - at);
        return text.ToString();
    }

    private static string? ValueOf(TemplateVariable variable, TemplateValues values)
    {
        if (variable.ArticleId is { } articleId)
        {
            return values.Articles.TryGetValue(articleId, out var article) ? $"[{Escape(article.Title)}]({article.Url})" : null;
        }
        return Escape(variable.Name switch
        {
            "customer.first_name" => FirstName(values.CustomerName),
            "customer.name" => values.CustomerName,
            "ticket.number" => values.TicketNumber,
            "ticket.subject" => values.TicketSubject,
            "agent.first_name" => FirstName(values.AgentName),
            "agent.name" => values.AgentName,
            "team.name" => values.TeamName,
            _ => null,
        });
    }

    /// <summary>The first word of a name; an e-mail address used as a name is no first name.</summary>
    internal static string? FirstName(string? name)
    {
        var first = name?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null || first.Contains('@', StringComparison.Ordinal) ? null : first;
    }

    /// <summary>Markdown's active characters as literals, and one line: a value is text, never formatting.</summary>
    internal static string? Escape(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                text.Append(' ');
                continue;
            }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '|' or '#')
            {
                text.Append('\\');
            }
            text.Append(c);
        }
        return text.ToString().Trim();
    }
}
