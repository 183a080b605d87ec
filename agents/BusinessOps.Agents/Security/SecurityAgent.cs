using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Security;

/// <summary>ai-security-agent: secret scanning of the given text with redacted findings and a security score.</summary>
public sealed class SecurityAgent : IAgent
{
    public string Name => AgentNames.Security;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var content = context.Form.Required("Content", "the text to scan (code, configuration, logs)");
        var secrets = SecretScanner.Scan(content);
        var workflow = WorkflowAuditor.IsWorkflow(content) ? WorkflowAuditor.Audit(content) : [];

        // One score over both: 40 per critical, 25 per high, 10 per medium finding off 100 (floor 0).
        var deduction = workflow.Sum(f => f.Severity switch { "critical" => 40, "high" => 25, _ => 10 });
        var report = secrets with { Score = Math.Max(0, secrets.Score - deduction) };
        var byKind = report.Findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        var audit = workflow.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" Workflow audit: {workflow.Count} problem(s) ({string.Join(", ", workflow.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}).");
        var summary = audit.Length > 0 && report.Findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"No secrets found in {report.LinesScanned} line(s); {SecurityScoreText.Format(report.Score)}.{audit}")
            : report.Findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"No secrets found in {report.LinesScanned} line(s); {SecurityScoreText.Format(report.Score)}.")
            : string.Create(CultureInfo.InvariantCulture, $"Found {report.Findings.Count} secret(s) ({string.Join(", ", byKind.Select(k => $"{k.Value} {k.Key}"))}); {SecurityScoreText.Format(report.Score)}. Rotate them now.{audit}");

        var outputs = new JsonObject
        {
            ["score"] = report.Score,
            ["findingCount"] = report.Findings.Count,
            ["critical"] = report.Findings.Count(f => f.Severity == "critical"),
            ["linesScanned"] = report.LinesScanned,
            ["workflowFindings"] = new JsonArray([.. workflow.Select(f => (JsonNode)new JsonObject { ["kind"] = f.Kind, ["severity"] = f.Severity, ["line"] = f.Line, ["fix"] = f.Detail })]),
            ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["kind"] = f.Kind,
                ["severity"] = f.Severity,
                ["line"] = f.Line,
                ["redacted"] = f.Redacted,
            })]),
        };

        var actions = report.Findings.Count == 0 && workflow.Count == 0
            ? new List<string> { "No action needed; keep secret scanning in CI." }
            : report.Findings.Count == 0 ? []
            : [.. report.Findings.Select(f => string.Create(CultureInfo.InvariantCulture, $"Revoke and rotate the {f.Kind} `{f.Redacted}` (line {f.Line}); remove it from history.")).Distinct().Take(20),
                "Move credentials to a secret manager and enable push protection."];
        actions.AddRange(workflow.Take(20).Select(f => string.Create(CultureInfo.InvariantCulture, $"Line {f.Line} ({f.Kind}): {f.Detail}")));
        var plan = report.Findings.Count == 0 ? null
            : "| Line | Kind | Severity | Value |\n|---:|---|---|---|\n" + string.Concat(report.Findings.Take(50).Select(f =>
                string.Create(CultureInfo.InvariantCulture, $"| {f.Line} | {f.Kind} | {f.Severity} | `{f.Redacted}` |\n")));
        var classification = report.Findings.Count == 0 && workflow.Count == 0
            ? Classification.Routine
            : new Classification(report.Findings.Any(f => f.Severity == "critical") || workflow.Any(f => f.Severity == "critical") ? Impact.High : Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 0m);

        // Pattern matches on provider formats are precise; generic entropy hits are the uncertain part.
        var confidence = report.Findings.Count == 0 ? 0.85 : report.Findings.All(f => f.Kind != "high-entropy-assignment") ? 0.95 : 0.8;
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, plan, actions, outputs, classification, confidence));
    }
}
