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

/// <summary>The names of the fields listed above the body in a comparison, in the reader's language.</summary>
public sealed record DiffFieldLabels(string Title, string Slug, string Category, string Keywords, string Visibility, string InternalOnly, string Public)
{
    public static readonly DiffFieldLabels English = new("Title", "Slug", "Category", "Keywords", "Visibility", "Internal only", "Public");
}

/// <summary>
/// A line diff of two revisions (DiffPlex), with the title, slug, category, keywords and visibility as the first
/// lines so every change shows up; long unchanged stretches are folded to a few lines of context.
/// </summary>
public static class RevisionDiff
{
    public const int Context = 3;

    public static string ToText(string title, string slug, string? category, string keywords, bool isInternal, string body, DiffFieldLabels? labels = null)
    {
        var l = labels ?? DiffFieldLabels.English;
        return $"{l.Title}: {title}\n{l.Slug}: {slug}\n{l.Category}: {category ?? "—"}\n{l.Keywords}: {keywords}\n{l.Visibility}: {(isInternal ? l.InternalOnly : l.Public)}\n\n{body}";
    }

    public static string ToText(RevisionView revision, DiffFieldLabels? labels = null) =>
        ToText(revision.Title, revision.Slug, revision.CategoryName, revision.Keywords, revision.IsInternal, revision.Body, labels);

    public static RevisionComparison Compare(RevisionView older, RevisionView newer, DiffFieldLabels? labels = null) =>
        Compare(ToText(older, labels), ToText(newer, labels));

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
