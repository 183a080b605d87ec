using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Security;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Quality;

/// <summary>
/// ai-qa-agent: the four gates of <c>quality-gates.yml</c> — line coverage (Cobertura), pass rate (JUnit), the security
/// score (the form's, else the security agent's latest result in the context) and the performance score (a benchmark
/// comparison against its baseline). A failed gate is a failed outcome: what depends on the issue stays blocked until
/// new results pass.
/// </summary>
public sealed class QaAgent : IAgent
{
    /// <summary>The commit status context the QA agent sets on a pull request's head.</summary>
    public const string StatusContext = "businessops/quality-gates";

    public string Name => AgentNames.Qa;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var policy = context.Policies.QualityGates ?? QualityGatesPolicy.Default;
        var tests = TestReports.Read(context.Form);
        var cobertura = context.Form.RequiredBlock("Coverage", "Cobertura XML (<coverage line-rate=\"0.85\" …>)");
        var pullRequest = PullRequestTarget.Read(context.Form);
        var coverage = CoberturaParser.LineCoverage(cobertura);
        var (security, securitySource) = SecurityScore(context);
        var benchmarks = context.Form.Optional(BenchmarkComparison.Field) is { Length: > 0 } csv
            ? await BenchmarkComparison.CompareAsync(Sdk.Forms.IssueForm.StripFence(csv), policy.MaxRegression, cancellationToken).ConfigureAwait(false)
            : ((double Score, IReadOnlyList<string> Regressed, int Count)?)null;

        IReadOnlyList<QualityGate> gates =
        [
            new("coverage", coverage, policy.MinLineCoverage, "Cobertura line rate"),
            new("pass rate", tests.PassRate, policy.MinPassRate, string.Create(CultureInfo.InvariantCulture, $"{tests.Passed}/{tests.Executed} tests")),
            new("security", security, policy.MinSecurityScore, securitySource),
            new("performance", benchmarks?.Score, policy.MinPerformanceScore,
                benchmarks is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.Count - b.Regressed.Count}/{b.Count} benchmarks within {policy.MaxRegression:P0} of baseline") : "no benchmark comparison given"),
        ];
        var failed = gates.Where(g => g.Passed == false).ToList();
        var passed = failed.Count == 0;

        var summary = passed
            ? string.Create(CultureInfo.InvariantCulture, $"Quality gates passed: {Describe(gates)}.")
            : string.Create(CultureInfo.InvariantCulture, $"Quality gates FAILED ({string.Join(", ", failed.Select(g => g.Name))}): {Describe(gates)}. Dependent work stays blocked until new results pass.");
        if (tests.Flaky.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" {tests.Flaky.Count} flaky test(s) passed only on a retry.");
        }

        var outputs = new JsonObject
        {
            ["gatesPassed"] = passed,
            ["coverage"] = Math.Round(coverage, 4),
            ["coverageGate"] = policy.MinLineCoverage,
            ["coverageGatePassed"] = gates[0].Passed,
            ["passRate"] = Math.Round(tests.PassRate, 4),
            ["passRateGate"] = policy.MinPassRate,
            ["passRateGatePassed"] = gates[1].Passed,
            ["securityScore"] = security is { } s ? Math.Round(s, 4) : null,
            ["securityGate"] = policy.MinSecurityScore,
            ["securityGatePassed"] = gates[2].Passed,
            ["performanceScore"] = benchmarks is { } p ? Math.Round(p.Score, 4) : null,
            ["performanceGate"] = policy.MinPerformanceScore,
            ["performanceGatePassed"] = gates[3].Passed,
            ["regressed"] = new JsonArray([.. (benchmarks?.Regressed ?? []).Take(50).Select(r => (JsonNode)r)]),
            ["tests"] = tests.Total,
            ["passed"] = tests.Passed,
            ["failures"] = tests.Failures,
            ["errors"] = tests.Errors,
            ["skipped"] = tests.Skipped,
            ["failedTests"] = new JsonArray([.. tests.FailedTests.Take(50).Select(t => (JsonNode)t)]),
            ["flakyTests"] = new JsonArray([.. tests.Flaky.Take(50).Select(t => (JsonNode)t)]),
            ["pullRequest"] = pullRequest,
        };
        var comment = CommentRenderer.Render(context.Policies.Template, QaTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["passed"] = passed,
            ["gates"] = gates.Select(g => new Dictionary<string, object?>
            {
                ["name"] = g.Name,
                ["value"] = g.Value?.ToString("P1", CultureInfo.InvariantCulture),
                ["threshold"] = g.Threshold.ToString("P0", CultureInfo.InvariantCulture),
                ["result"] = g.Passed switch { true => "pass", false => "fail", null => "not_measured" },
                ["source"] = g.Source,
            }).ToList(),
            ["flaky_tests"] = tests.Flaky.Take(50).ToList(),
            ["failed_tests"] = tests.FailedTests.Take(50).ToList(),
        });

        var actions = new List<string>();
        if (gates[1].Passed == false)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Fix {tests.Failures + tests.Errors} failing test(s): {string.Join(", ", tests.FailedTests.Take(5))}."));
        }

        if (gates[0].Passed == false)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Raise line coverage by {(policy.MinLineCoverage - coverage) * 100:0.0} points before release."));
        }

        if (gates[2].Passed == false)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Resolve the security findings: score {security:P0} is below {policy.MinSecurityScore:P0}."));
        }

        if (gates[3].Passed == false)
        {
            actions.Add($"Investigate the regressed benchmarks: {string.Join(", ", benchmarks!.Value.Regressed.Take(5))}.");
        }

        if (tests.Flaky.Count > 0)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Fix {tests.Flaky.Count} flaky test(s) (failed, then passed on a retry): {string.Join(", ", tests.Flaky.Take(5))}."));
        }

        actions.AddRange(gates.Where(g => g.Passed is null).Select(g => $"The {g.Name} gate was not measured: {g.Source}."));
        if (passed)
        {
            actions.Add("Mark the build releasable.");
        }

        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var classification = passed ? Classification.Routine : new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        // A failed gate is a failed run (not bad input): the issue is not done, so what depends on it stays blocked; the
        // coordinator's retries end in escalation, and /retry after new results are filed runs the gates again.
        var result = ResultFactory.Create(context, passed ? AgentOutcome.Completed : AgentOutcome.Failed, summary, comment.Text, actions, outputs, classification, 0.97);
        return pullRequest is { } pr ? result with { Effects = [CommitStatus(pr, passed, gates, failed)] } : result;
    }

    /// <summary>The verdict as a commit status on the pull request's head (context <see cref="StatusContext"/>), so branch protection can require it.</summary>
    internal static Effect CommitStatus(int pullRequest, bool passed, IReadOnlyList<QualityGate> gates, IReadOnlyList<QualityGate> failed)
    {
        var description = passed
            ? "Quality gates passed: " + string.Join(", ", gates.Where(g => g.Passed == true).Select(g => g.Name))
            : "Quality gates failed: " + string.Join(", ", failed.Select(g => g.Name));
        var parameters = new JsonObject
        {
            ["state"] = passed ? "success" : "failure",
            ["context"] = StatusContext,
            ["description"] = description.Length > 140 ? description[..139] + "…" : description,
        };
        return Effect.Create(EffectKinds.GitHubCommitStatus, "#" + pullRequest.ToString(CultureInfo.InvariantCulture), parameters);
    }

    private static string Describe(IReadOnlyList<QualityGate> gates) => string.Join(", ", gates.Select(g => g.Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{g.Name} {v:P1} (gate {g.Threshold:P0}) {(g.Passed == true ? "ok" : "below gate")}")
        : $"{g.Name} not measured"));

    /// <summary>The form's <c>Security score</c> (0–100), else the latest security agent's score among the issues in the context.</summary>
    private static (double? Score, string Source) SecurityScore(AgentContext context)
    {
        if (context.Form.Optional("Security score").Length > 0)
        {
            return ((double)context.Form.RequiredDecimal("Security score", "a number from 0 to 100", 0m, 100m) / 100, "the form");
        }

        var latest = context.Issues?.Items.Where(d => d.Agent == AgentNames.Security)
            .Select(d => (d.Number, Score: SecurityScoreText.Find(d.Summary))).FirstOrDefault(d => d.Score is not null);
        return latest is { Score: { } score } l
            ? (score / 100.0, string.Create(CultureInfo.InvariantCulture, $"security agent, issue #{l.Number}"))
            : (null, "no security agent result in scope");
    }
}
