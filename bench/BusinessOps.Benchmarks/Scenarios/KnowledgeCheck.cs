using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Support;
using BusinessOps.Coordinator.Execution;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Policies;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// The published executable's knowledge-base search against the same code run in process (JIT): one ticket per shipped
/// article of <c>policies/knowledge</c>, the context the coordinator would build from <c>policies/</c>, and for each the
/// articles cited (in order) and their BM25 scores must be the same. A Native AOT build keeps Lucene.Net whole
/// (<c>agents/ai-agents/ai-agents.csproj</c>) because Lucene finds its codecs and attributes by reflection; this is the
/// check that the trimmed, native binary still answers what the library answers.
/// </summary>
internal static class KnowledgeCheck
{
    // One ticket per shipped article, in a customer's words, with the article BM25 must rank first.
    private static readonly (string Title, string Description, string Expected)[] Tickets =
    [
        ("Charged twice for November", "My card was charged twice for the November invoice, please refund the duplicate charge.", "knowledge/duplicate-charges-and-refunds.md"),
        ("API answers 429", "Our integration gets 429 Too Many Requests from the API since this morning; what is the rate limit per API key?", "knowledge/api-rate-limits.md"),
        ("Need the invoice as PDF", "Where can I download the PDF of last month's invoice and the receipt for our accounting?", "knowledge/download-invoices.md"),
        ("Locked out", "I forgot my password and after several failed sign-in attempts my account is locked. How do I reset it?", "knowledge/reset-password.md"),
        ("SAML single sign-on", "How do admins set up SAML single sign-on (SSO) with our identity provider's metadata?", "knowledge/sso-setup.md"),
        ("Downgrade our plan", "We want to downgrade our plan next month, or cancel it. Is the change prorated?", "knowledge/change-plan.md"),
    ];

    public static async Task<int> RunAsync(string exe, string policies, TextWriter output, CancellationToken ct)
    {
        var loaded = PolicyLoader.Load(policies);
        if (loaded.Policies is not { } set)
        {
            output.WriteLine($"knowledge check: {policies} does not load: {string.Join("; ", loaded.Errors)}");
            return 1;
        }

        var context = new DispatchContext { Policies = set.Agents.For(AgentNames.Support, new AgentPolicies()) };
        var dir = Directory.CreateTempSubdirectory("bo-knowledge-");
        try
        {
            var contextFile = Path.Combine(dir.FullName, "context.json");
            await File.WriteAllBytesAsync(contextFile, JsonSerializer.SerializeToUtf8Bytes(context, AgentContextJson.Wire.DispatchContext), ct);
            output.WriteLine($"knowledge check: {context.Policies.Knowledge?.Count ?? 0} articles from {policies}, {Path.GetFileName(exe)} against the in-process (JIT) support agent");
            output.WriteLine("| ticket | expected first | executable's sources (score) | in process | same |");
            output.WriteLine("|---|---|---|---|---|");
            var failures = 0;
            for (var i = 0; i < Tickets.Length; i++)
            {
                var (title, description, expected) = Tickets[i];
                var issue = new IssueSnapshot(i + 1, title, "### Description\n\n" + description, IssueState.Open, [], "dana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
                var issueFile = Path.Combine(dir.FullName, $"issue-{i + 1}.json");
                await File.WriteAllBytesAsync(issueFile, IssueJson.Write(issue), ct);

                var jit = await AgentHost.ProcessAsync(new SupportAgent(ProseDrafter.None), issue, $"local/ops#{i + 1}/a1/plan", "plan", context, ct);
                var inProcess = Sources(jit.Result.Outputs["sources"]);
                var published = await RunPublishedAsync(exe, i + 1, issueFile, contextFile, ct);
                var same = published.Error is null && inProcess.Count > 0 && inProcess[0].Source == expected && Same(published.Sources, inProcess);
                failures += same ? 0 : 1;
                output.WriteLine($"| {title} | {expected} | {published.Error ?? Describe(published.Sources)} | {Describe(inProcess)} | {(same ? "yes" : "NO")} |");
            }

            output.WriteLine(failures == 0 ? "knowledge check: every ticket cites the same articles with the same scores" : $"knowledge check: {failures} ticket(s) differ");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(List<(string Source, double Score)> Sources, string? Error)> RunPublishedAsync(string exe, int number, string issueFile, string contextFile, CancellationToken ct)
    {
        var start = new ProcessStartInfo(File.Exists(exe) ? exe : Path.Combine(exe, AgentNames.Support));
        if (File.Exists(exe))
        {
            start.ArgumentList.Add(AgentNames.Support);
        }

        foreach (var a in new[] { "--process-issue", number.ToString(CultureInfo.InvariantCulture), "--issue-data", issueFile, "--context", contextFile })
        {
            start.ArgumentList.Add(a);
        }

        var run = await ChildProcess.RunAsync(start, ct);
        try
        {
            var result = JsonNode.Parse(run.Stdout);
            return run.ExitCode == 0 && result?["outputs"]?["sources"] is { } sources
                ? (Sources(sources), null)
                : ([], $"exit {run.ExitCode}: {result?["summary"]?.GetValue<string>() ?? run.Stderr.Trim()}");
        }
        catch (JsonException)
        {
            return ([], $"exit {run.ExitCode}, no result JSON: {run.Stderr.Trim()}");
        }
    }

    private static List<(string Source, double Score)> Sources(JsonNode? sources) =>
        [.. (sources?.AsArray() ?? []).Select(s => (s!["source"]!.GetValue<string>(), s["score"]!.GetValue<double>()))];

    // The same articles in the same order, scores equal to float precision (Lucene scores in single precision).
    private static bool Same(List<(string Source, double Score)> a, List<(string Source, double Score)> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Source == p.Second.Source && Math.Abs(p.First.Score - p.Second.Score) <= 1e-5 * Math.Max(1, Math.Abs(p.Second.Score)));

    private static string Describe(List<(string Source, double Score)> sources) =>
        sources.Count == 0 ? "none" : string.Join(", ", sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(s.Source)} ({s.Score:0.###})")));
}
