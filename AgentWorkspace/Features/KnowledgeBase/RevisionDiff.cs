using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AgentWorkspace.Features.KnowledgeBase;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,

    /// <summary>A run of unchanged lines folded away; <see cref="DiffLine.Text"/> says how many.</summary>
    Folded,
}

/// <param name="FoldedLines">For a <see cref="DiffLineKind.Folded"/> line, how many unchanged lines it stands for.</param>
public sealed record DiffLine(DiffLineKind Kind, string Text, int FoldedLines = 0);

public sealed record RevisionComparison(IReadOnlyList<DiffLine> Lines, int Added, int Removed)
{
    public bool Identical => Added == 0 && Removed == 0;
}

/// <summary>
/// A line diff of two revisions (DiffPlex), with the title, slug, category, keywords and visibility as the first
/// lines so every change shows up; long unchanged stretches are folded to a few lines of context.
/// </summary>
public static class RevisionDiff
{
    public const int Context = 3;

    public static string ToText(string title, string slug, string? category, string keywords, bool isInternal, string body) =>
        $"Title: {title}\nSlug: {slug}\nCategory: {category ?? "—"}\nKeywords: {keywords}\nVisibility: {(isInternal ? "Internal only" : "Public")}\n\n{body}";

    public static string ToText(RevisionView revision) =>
        ToText(revision.Title, revision.Slug, revision.CategoryName, revision.Keywords, revision.IsInternal, revision.Body);

    public static RevisionComparison Compare(RevisionView older, RevisionView newer) => Compare(ToText(older), ToText(newer));

    public static RevisionComparison Compare(string older, string newer)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(Normalize(older), Normalize(newer));
        var lines = model.Lines.Select(piece => new DiffLine(piece.Type switch
        {
            ChangeType.Inserted => DiffLineKind.Added,
            ChangeType.Deleted => DiffLineKind.Removed,
            _ => DiffLineKind.Unchanged,
        }, piece.Text ?? "")).ToList();
        return new RevisionComparison(Fold(lines), lines.Count(l => l.Kind == DiffLineKind.Added), lines.Count(l => l.Kind == DiffLineKind.Removed));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static List<DiffLine> Fold(List<DiffLine> lines)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffLineKind.Unchanged)
            {
                continue;
            }
            for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
            {
                keep[j] = true;
            }
        }
        var result = new List<DiffLine>();
        var folded = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                if (folded > 0)
                {
                    result.Add(Folded(folded));
                    folded = 0;
                }
                result.Add(lines[i]);
            }
            else
            {
                folded++;
            }
        }
        if (folded > 0)
        {
            result.Add(Folded(folded));
        }
        return result;
    }

    private static DiffLine Folded(int count) => new(DiffLineKind.Folded, $"{count} unchanged line{(count == 1 ? "" : "s")}", count);
}
