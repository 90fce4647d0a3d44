using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

public sealed class RevisionDiffTests
{
    [Fact]
    public void Compare_MarksRemovedAndAddedLines_AndFoldsLongUnchangedStretches()
    {
        var unchanged = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"Line {i}"));
        var older = $"Intro\n{unchanged}\nOld ending";
        var newer = $"Intro\n{unchanged}\nNew ending";

        var diff = RevisionDiff.Compare(older, newer);

        diff.Added.ShouldBe(1);
        diff.Removed.ShouldBe(1);
        diff.Lines.ShouldContain(new DiffLine(DiffLineKind.Removed, "Old ending"));
        diff.Lines.ShouldContain(new DiffLine(DiffLineKind.Added, "New ending"));
        diff.Lines.First().ShouldBe(new DiffLine(DiffLineKind.Folded, $"{21 - RevisionDiff.Context} unchanged lines", 21 - RevisionDiff.Context));
        diff.Lines.Count(l => l.Kind == DiffLineKind.Unchanged).ShouldBe(RevisionDiff.Context);
    }

    [Fact]
    public void Compare_ShowsChangesToTitleSlugKeywordsAndVisibility()
    {
        var older = RevisionDiff.ToText("Refunds", "refunds", "Orders", "refund", false, "Body");
        var newer = RevisionDiff.ToText("Refunds", "refunds", "Orders", "refund", true, "Body");

        var diff = RevisionDiff.Compare(older, newer);

        diff.Lines.ShouldContain(new DiffLine(DiffLineKind.Removed, "Visibility: Public"));
        diff.Lines.ShouldContain(new DiffLine(DiffLineKind.Added, "Visibility: Internal only"));
    }

    [Fact]
    public void Compare_OfIdenticalRevisions_IsIdentical() =>
        RevisionDiff.Compare("Same\ntext", "Same\r\ntext").Identical.ShouldBeTrue();
}
