using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Quality;

/// <summary>ai-qa-agent: JUnit pass rate and Cobertura line coverage against the quality gates (<c>quality-gates.yml</c>, handed in by the coordinator).</summary>
public sealed class QaAgent : IAgent
{
    public string Name => AgentNames.Qa;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var gates = context.Policies.QualityGates ?? QualityGatesPolicy.Default;
        var junit = context.Form.RequiredBlock("Test results", "JUnit XML (<testsuites> or <testsuite> with <testcase> elements)");
        var cobertura = context.Form.RequiredBlock("Coverage", "Cobertura XML (<coverage line-rate=\"0.85\" …>)");
        var tests = JUnitParser.Parse(junit);
        var coverage = CoberturaParser.LineCoverage(cobertura);
        var coverageOk = coverage >= gates.MinLineCoverage;
        var passOk = tests.PassRate >= gates.MinPassRate;
        var passed = coverageOk && passOk;

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Quality gates {(passed ? "passed" : "FAILED")}: line coverage {coverage:P1} (gate {gates.MinLineCoverage:P0}) {(coverageOk ? "ok" : "below gate")}, pass rate {tests.PassRate:P1} ({tests.Passed}/{tests.Executed}, gate {gates.MinPassRate:P0}) {(passOk ? "ok" : "below gate")}.");
        var outputs = new JsonObject
        {
            ["gatesPassed"] = passed,
            ["coverage"] = Math.Round(coverage, 4),
            ["coverageGate"] = gates.MinLineCoverage,
            ["coverageGatePassed"] = coverageOk,
            ["passRate"] = Math.Round(tests.PassRate, 4),
            ["passRateGate"] = gates.MinPassRate,
            ["passRateGatePassed"] = passOk,
            ["tests"] = tests.Total,
            ["passed"] = tests.Passed,
            ["failures"] = tests.Failures,
            ["errors"] = tests.Errors,
            ["skipped"] = tests.Skipped,
            ["failedTests"] = new JsonArray([.. tests.FailedTests.Take(50).Select(t => (JsonNode)t)]),
        };
        var actions = new List<string>();
        if (!passOk)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Fix {tests.Failures + tests.Errors} failing test(s): {string.Join(", ", tests.FailedTests.Take(5))}."));
        }

        if (!coverageOk)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Raise line coverage by {(gates.MinLineCoverage - coverage) * 100:0.0} points before release."));
        }

        if (passed)
        {
            actions.Add("Mark the build releasable.");
        }

        var classification = passed ? Classification.Routine : new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, null, actions, outputs, classification, 0.97));
    }
}
