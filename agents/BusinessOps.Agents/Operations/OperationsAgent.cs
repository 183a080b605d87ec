using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// ai-operations-agent: HTTP health checks of up to 20 endpoints (status, latency, failures). Loopback, private and
/// link-local addresses are refused unless the run's network policy allows them.
/// </summary>
public sealed class OperationsAgent : IAgent
{
    // Times each check's latency; the agent executable's Program (its composition root) hands it the system clock.
    private readonly TimeProvider _time;

    /// <summary>Checks through a handler that obeys each run's network policy (public addresses only by default).</summary>
    public OperationsAgent(TimeProvider time) => _time = time;

    public string Name => AgentNames.Operations;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var (endpoints, options) = Read(context.Form);
        var checker = HealthChecker.For(context.Policies.Network ?? NetworkPolicy.PublicOnly, _time);
        var checks = await checker.CheckAsync(endpoints, options, cancellationToken);
        var down = checks.Where(c => c.State == "down").ToList();
        var slow = checks.Where(c => c.State == "slow").ToList();
        var up = checks.Count - down.Count - slow.Count;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{up}/{checks.Count} endpoint(s) healthy, {slow.Count} slow, {down.Count} down.")
            + (down.Count > 0 ? " Down: " + string.Join(", ", down.Take(5).Select(d => $"{d.Url} ({d.Error})")) + "." : string.Empty);
        var outputs = new JsonObject
        {
            ["endpoints"] = checks.Count,
            ["up"] = up,
            ["slow"] = slow.Count,
            ["down"] = down.Count,
            ["availability"] = Math.Round((double)(up + slow.Count) / checks.Count, 4),
            ["maxLatencyMs"] = checks.Max(c => c.LatencyMs),
            ["timeoutMs"] = (int)options.Timeout.TotalMilliseconds,
            ["latencyBudgetMs"] = (int)options.LatencyBudget.TotalMilliseconds,
            ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject
            {
                ["url"] = c.Url,
                ["state"] = c.State,
                ["status"] = c.StatusCode,
                ["latencyMs"] = c.LatencyMs,
                ["error"] = c.Error,
            })]),
        };
        var plan = new StringBuilder("| Endpoint | State | Status | Latency |\n|---|---|---:|---:|\n");
        foreach (var c in checks)
        {
            plan.Append(CultureInfo.InvariantCulture, $"| {MarkdownSafe.Cell(c.Url, 100)} | {c.State} | {c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? MarkdownSafe.Cell(c.Error, 60)} | {c.LatencyMs} ms |\n");
        }

        var actions = down.Select(d => $"Investigate {d.Url}: {d.Error}.").Concat(slow.Select(s => string.Create(CultureInfo.InvariantCulture, $"Look into latency of {s.Url} ({s.LatencyMs} ms)."))).Take(20).ToList();
        if (actions.Count == 0)
        {
            actions.Add("No action: all endpoints healthy.");
        }

        var classification = down.Count > 0
            ? new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m)
            : Classification.Routine;
        return ResultFactory.Create(context, AgentOutcome.Completed, summary, plan.ToString(), actions, outputs, classification, 0.95, CostModel.PerHttpCheckUsd * checks.Count);
    }

    internal static (IReadOnlyList<Uri> Endpoints, HealthCheckOptions Options) Read(IssueForm form)
    {
        const string expectation = "one http(s) URL per line, at most 20, e.g. https://status.example.com/health";
        var lines = FormValues.Lines(form.Required("Endpoints", expectation));
        if (lines.Count > HealthCheckOptions.MaxEndpoints)
        {
            throw IssueForm.Invalid("Endpoints", expectation, lines.Count.ToString(CultureInfo.InvariantCulture) + " URLs");
        }

        var endpoints = new List<Uri>();
        foreach (var line in lines)
        {
            if (!Uri.TryCreate(line.Trim('<', '>', ' '), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw IssueForm.Invalid("Endpoints", expectation, line);
            }

            endpoints.Add(uri);
        }

        var timeout = form.OptionalInt("Timeout (ms)", 5000, 100, 60_000, "a timeout in milliseconds from 100 to 60000");
        var budget = form.OptionalInt("Latency budget (ms)", 1000, 1, 60_000, "a latency budget in milliseconds from 1 to 60000");
        return (endpoints, new HealthCheckOptions(TimeSpan.FromMilliseconds(timeout), TimeSpan.FromMilliseconds(budget)));
    }
}
