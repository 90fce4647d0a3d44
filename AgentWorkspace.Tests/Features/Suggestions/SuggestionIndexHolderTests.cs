using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

public class SuggestionIndexHolderTests
{
    private static readonly SuggestionOptions English = new() { Language = "en", LastTokenIsPrefix = false };

    private static SuggestionDocument Doc(string id, string title, string body) => new(id, "en", title, "", body, Internal: false);

    [Fact]
    public void SearchAfterReplace_SeesTheNewArticle()
    {
        var holder = new SuggestionIndexHolder(SuggestionIndex.Build([Doc("a", "Reset your password", "Forgot it?")]));
        holder.Search("webhooks", English).ShouldBeEmpty();

        var previous = holder.Replace(SuggestionIndex.Build(
            [Doc("a", "Reset your password", "Forgot it?"), Doc("b", "Set up webhooks", "Send events to your server.")]));

        holder.Search("webhooks", English).Single().Id.ShouldBe("b");
        previous.Search("webhooks", English).ShouldBeEmpty(); // a search that took the old index keeps it
    }

    [Fact]
    public void Rebuild_IndexesTheGivenArticlesWithTheGivenSynonyms()
    {
        var holder = new SuggestionIndexHolder();
        holder.Search("refund", English).ShouldBeEmpty();

        holder.Rebuild([Doc("slip", "Print a packing slip", "Slips.")], SynonymSet.Empty.With("delivery note", "packing slip"));

        holder.Search("delivery note", English).Single().Id.ShouldBe("slip");
    }

    [Fact]
    public void ReplaceSynonyms_KeepsTheArticles()
    {
        var holder = new SuggestionIndexHolder(SuggestionIndex.Build([Doc("slip", "Print a packing slip", "Slips.")], SynonymSet.Empty));
        holder.Search("delivery note", English).ShouldBeEmpty();

        holder.ReplaceSynonyms(SynonymSet.Empty.With("delivery note", "packing slip"));

        holder.Search("delivery note", English).Single().Id.ShouldBe("slip");
        holder.Current.Count.ShouldBe(1);
    }

    [Fact]
    public void SearchesDuringReplacements_AlwaysSeeACompleteIndex()
    {
        var small = SuggestionIndex.Build([Doc("a", "Refund an order", "Refund.")]);
        var large = SuggestionIndex.Build([Doc("a", "Refund an order", "Refund."), Doc("b", "Refund a shipping label", "Refund.")]);
        var holder = new SuggestionIndexHolder(small);
        var badResults = 0;

        Parallel.Invoke(
            () => { for (var i = 0; i < 2_000; i++) holder.Replace(i % 2 == 0 ? large : small); },
            () =>
            {
                for (var i = 0; i < 2_000; i++)
                {
                    var count = holder.Search("refund", English).Count;
                    if (count is not (1 or 2)) Interlocked.Increment(ref badResults);
                }
            });

        badResults.ShouldBe(0);
    }
}
