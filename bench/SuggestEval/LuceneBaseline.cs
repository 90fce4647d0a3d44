using AgentWorkspace.Features.Suggestions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SuggestEval;

/// <summary>The off-the-shelf setup the issue compares against: Lucene.Net 4.8, EnglishAnalyzer or SpanishAnalyzer by
/// the article's language, one catch-all field (title three times, keywords twice, body once), every query word a
/// fuzzy term with Elasticsearch's AUTO fuzziness (0 edits up to 2 letters, 1 up to 5, else 2; at most 50
/// expansions) and the last word also a prefix. The query is analysed with its language's analyzer, told by the same
/// detector our engine uses. Similarity: BM25 (k1 1.2, b 0.75), what Lucene-based servers default to today; the
/// older TF-IDF default is available for comparison.</summary>
public sealed class LuceneBaseline : IRanker, IDisposable
{
    private const string Field = "all";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer _english = new EnglishAnalyzer(Version);
    private readonly Analyzer _spanish = new SpanishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly bool _fuzzy;
    private readonly bool _bothLanguages;

    public LuceneBaseline(IEnumerable<KbArticle> articles, bool bm25 = true, bool fuzzy = true, bool bothLanguages = false)
    {
        Similarity similarity = bm25 ? new BM25Similarity() : new DefaultSimilarity();
        Name = bm25 ? "lucene-bm25" : "lucene-tfidf";
        (_fuzzy, _bothLanguages) = (fuzzy, bothLanguages);
        var config = new IndexWriterConfig(Version, _english) { Similarity = similarity };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var article in articles)
            {
                var keywords = string.Join(", ", article.Keywords);
                var all = string.Join("\n", article.Title, article.Title, article.Title, keywords, keywords, article.Body);
                var document = new Document
                {
                    new StringField("id", article.Id, Lucene.Net.Documents.Field.Store.YES),
                    new TextField(Field, all, Lucene.Net.Documents.Field.Store.NO),
                };
                writer.AddDocument(document, article.Lang == "es" ? _spanish : _english);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
    }

    public string Name { get; }

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var analyzers = _bothLanguages ? [_english, _spanish]
            : new[] { LanguageDetector.Detect(query.Text) == "es" ? _spanish : _english };
        var boolean = new BooleanQuery();
        foreach (var analyzer in analyzers)
        {
            var terms = Analyze(analyzer, query.Text);
            for (var i = 0; i < terms.Count; i++)
            {
                boolean.Add(_fuzzy ? Fuzzy(terms[i]) : new TermQuery(new Term(Field, terms[i])), Occur.SHOULD);
                if (i == terms.Count - 1) boolean.Add(new PrefixQuery(new Term(Field, terms[i])), Occur.SHOULD);
            }
        }
        if (boolean.Clauses.Count == 0) return [];
        return _searcher.Search(boolean, RelevanceEvaluator.ListLength).ScoreDocs
            .Select(hit => _searcher.Doc(hit.Doc).Get("id"))
            .ToList();
    }

    // A fuzzy word as Elasticsearch's match query scores it (rewrite top_terms_blended_freqs_50): every expansion is
    // boosted by its similarity (an exact match by 1) and scored with the document frequency of the most common
    // expansion, so a rare neighbour of a common word does not outscore the word itself; the expansions add up.
    private Query Fuzzy(string term)
    {
        var edits = term.Length <= 2 ? 0 : term.Length <= 5 ? 1 : 2;
        if (edits == 0) return new TermQuery(new Term(Field, term));
        var expansions = new FuzzyQuery(new Term(Field, term), edits, 0, 50, true).Rewrite(_reader);
        var clauses = expansions is BooleanQuery boolean ? boolean.Clauses.Select(c => c.Query).OfType<TermQuery>().ToList()
            : expansions is TermQuery single ? [single] : [];
        var contexts = clauses.Select(c => TermContext.Build(_reader.Context, c.Term)).ToList();
        var (maxDf, maxTtf) = (contexts.Select(c => c.DocFreq).DefaultIfEmpty(0).Max(), contexts.Select(c => c.TotalTermFreq).DefaultIfEmpty(0).Max());
        var blended = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < clauses.Count; i++)
        {
            var context = new TermContext(_reader.Context);
            foreach (var leaf in _reader.Leaves)
            {
                var state = contexts[i].Get(leaf.Ord);
                if (state is not null) context.Register(state, leaf.Ord, maxDf, maxTtf);
            }
            blended.Add(new TermQuery(clauses[i].Term, context) { Boost = clauses[i].Boost }, Occur.SHOULD);
        }
        return blended;
    }

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _english.Dispose();
        _spanish.Dispose();
    }
}
