using System.Text;
using BusinessOps.Core.Agents;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BusinessOps.Agents.Support;

/// <summary>
/// The support knowledge base (<c>policies/knowledge/*.md</c>) in an in-memory Lucene index ranked with BM25: English
/// stemming, the Snowball English stop words (a ticket's "how do I … my …" carries no subject, and counting it would keep every
/// question below the coverage floors), the title weighted twice the text. Built once per run from the articles in the context.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // A ticket contributes at most this many distinct terms to the query (BooleanQuery allows 1,024 clauses).
    private const int MaxQueryTerms = 64;

    private readonly IReadOnlyList<KnowledgeArticle> _articles;
    // Lucene's default English set holds 33 words; the Snowball list (174, shipped in Lucene.Net.Analysis.Common) also
    // drops pronouns, auxiliaries and question words, which is what a ticket is mostly made of.
    private static readonly CharArraySet StopWords = WordlistLoader.GetSnowballWordSet(
        IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", Encoding.UTF8), Version);

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version, StopWords);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public KnowledgeIndex(IReadOnlyList<KnowledgeArticle> articles)
    {
        _articles = articles;
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < articles.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField("id", i),
                    new TextField("title", articles[i].Title, Field.Store.NO),
                    new TextField("text", articles[i].Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The best <paramref name="count"/> articles for <paramref name="text"/>, best first; none when nothing matches.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string text, int count)
    {
        var terms = Terms(text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0 || _articles.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term("title", term)) { Boost = 2f }, Occur.SHOULD);
            query.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }

        var hits = new List<KnowledgeHit>();
        foreach (var doc in _searcher.Search(query, count).ScoreDocs)
        {
            var id = _searcher.Doc(doc.Doc).GetField("id").GetInt32Value() ?? 0;
            var article = _articles[id];
            var present = Terms(article.Title + "\n" + article.Text).ToHashSet(StringComparer.Ordinal);
            var coverage = (double)terms.Count(present.Contains) / terms.Count;
            hits.Add(new KnowledgeHit(article, Math.Round(doc.Score, 3), Math.Round(coverage, 2)));
        }

        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Terms(string text)
    {
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
