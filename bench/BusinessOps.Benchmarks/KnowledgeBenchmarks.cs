using BenchmarkDotNet.Attributes;
using BusinessOps.Agents.Support;
using BusinessOps.Core.Agents;

namespace BusinessOps.Benchmarks;

/// <summary>
/// The support agent's knowledge-base search over 1,000 articles (BM25, Lucene.Net in memory): building the index, as
/// each run does from the articles in its context, and one search of a ticket over a built index.
/// </summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks : IDisposable
{
    private const string Ticket = "Our card was charged twice for the November subscription; how do we get a refund of the duplicate payment?";
    private static readonly string[] Topics = ["refund", "invoice", "password", "sso", "webhook", "export", "rate limit", "plan", "seats", "api key", "dashboard", "import"];
    private static readonly string[] Words = ["account", "billing", "settings", "team", "admin", "customer", "report", "error", "access", "payment", "data", "workflow", "email", "integration", "usage", "limit"];
    private IReadOnlyList<KnowledgeArticle> _articles = [];
    private KnowledgeIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Deterministic articles of ~120 words each: a topic in the title and text, filler from a small vocabulary.
        var random = new Random(42);
        _articles = [.. Enumerable.Range(1, 1_000).Select(i =>
        {
            var topic = Topics[i % Topics.Length];
            var text = string.Join(' ', Enumerable.Range(0, 120).Select(_ => random.Next(10) == 0 ? topic : Words[random.Next(Words.Length)]));
            return new KnowledgeArticle($"knowledge/article-{i:0000}.md", $"How to handle {topic} case {i}", $"# How to handle {topic} case {i}\n\n{text}");
        })];
        _index = new KnowledgeIndex(_articles);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int BuildIndex1000()
    {
        using var index = new KnowledgeIndex(_articles);
        return index.Search(Ticket, 1).Count;
    }

    [Benchmark]
    public int Search1000() => _index.Search(Ticket, 3).Count;
}
