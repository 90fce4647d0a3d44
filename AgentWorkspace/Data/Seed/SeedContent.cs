using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The demo content as the people who write it edit it: help articles as Markdown files with a JSON index
/// (Content/articles.json, Content/articles/{language}/{slug}.{revision}.md) and the scripted conversations as JSON
/// (Content/conversations/*.json). Embedded in the assembly, so a published app seeds the same data.
/// </summary>
internal static class SeedContent
{
    private const string Prefix = "Seed/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    // Read once: the seeder, the demo-data tests and the relevance benchmarks all ask for them.
    private static readonly Lazy<IReadOnlyList<ArticleSeed>> articles = new(LoadArticles);
    private static readonly Lazy<IReadOnlyList<ConversationScript>> conversations = new(LoadConversations);
    private static readonly Lazy<IReadOnlyList<CustomerFileSeed>> customerFiles = new(() => Deserialize<List<CustomerFileSeed>>("customer-files.json"));

    public static IReadOnlyList<ArticleSeed> Articles => articles.Value;

    /// <summary>Every conversation, in file-name order (the seeder's random choices depend on this order).</summary>
    public static IReadOnlyList<ConversationScript> Conversations => conversations.Value;

    /// <summary>Further addresses, numbers and agents' notes of some demo customers (Content/customer-files.json), by primary e-mail.</summary>
    public static IReadOnlyList<CustomerFileSeed> CustomerFiles => customerFiles.Value;

    private static IReadOnlyList<ArticleSeed> LoadArticles() =>
        Deserialize<List<ArticleEntry>>("articles.json")
            .Select(a => new ArticleSeed(
                a.Language, a.Slug, a.Category, a.Status, a.AgeDays,
                a.Revisions.Select(r => new RevisionSeed(r.Title, r.Keywords, Text(r.Body), r.Note)).ToArray(),
                a.Pair, a.Internal, a.ByAdmin))
            .ToList();

    private static IReadOnlyList<ConversationScript> LoadConversations() =>
        typeof(SeedContent).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + "conversations/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(n => Deserialize<List<ConversationScript>>(n[Prefix.Length..]))
            .ToList();

    private static T Deserialize<T>(string name)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Seed content {name} is empty.");
    }

    /// <summary>A Markdown body: line endings normalised, no trailing newline (as an editor would save it).</summary>
    private static string Text(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }

    private static Stream Open(string name) =>
        typeof(SeedContent).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new FileNotFoundException($"Seed content {name} is not embedded (AgentWorkspace.csproj embeds Data/Seed/Content).");

    private sealed record ArticleEntry(
        string Language, string Slug, string Category, Features.KnowledgeBase.ArticleStatus Status, int AgeDays,
        List<RevisionEntry> Revisions, string? Pair = null, bool Internal = false, bool ByAdmin = false);

    private sealed record RevisionEntry(string Title, string Keywords, string Body, string? Note = null);
}

/// <summary>One demo customer's file beyond the basics: found by <see cref="Email"/>, their primary address.</summary>
internal sealed record CustomerFileSeed(string Email, string[] Emails, string[] Phones, string Notes);
