using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// ai-operations-agent: HTTP checks of up to 20 endpoints (status, latency, TLS certificate expiry), uptime and error-budget
/// burn over the checks recorded on the issue, and rightsizing from a resource-usage CSV with estimated savings; thresholds
/// from <c>operations.yml</c>. Proposes an incident issue when a check is down and the scaling webhook for each resize.
/// Loopback, private and link-local addresses are refused unless the run's network policy allows them.
/// </summary>
public sealed class OperationsAgent : IAgent
{
    // Times each check's latency and judges certificate expiry; the agent executable's Program (its composition root) hands it the system clock.
    private readonly TimeProvider _time;

    // Roots trusted besides the system's (a private CA); null in production.
    private readonly X509Certificate2Collection? _extraRoots;

    /// <summary>Checks through a handler that obeys each run's network policy (public addresses only by default).</summary>
    public OperationsAgent(TimeProvider time)
        : this(time, null)
    {
    }

    internal OperationsAgent(TimeProvider time, X509Certificate2Collection? extraRoots)
    {
        _time = time;
        _extraRoots = extraRoots;
    }

    public string Name => AgentNames.Operations;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var input = Read(context.Form);
        var rules = context.Policies.Rules?.Operations ?? OperationsRules.Default;
        IReadOnlyList<EndpointCheck> checks = [];
        if (input.Endpoints.Count > 0)
        {
            var checker = HealthChecker.For(context.Policies.Network ?? NetworkPolicy.PublicOnly, _time, _extraRoots);
            checks = await checker.CheckAsync(input.Endpoints, input.Options, cancellationToken);
        }

        var now = _time.GetUtcNow();
        var budget = checks.Count > 0 ? CheckHistory.Budget(CheckHistory.Earlier(context.Issue, context.Key), checks, rules.AvailabilityObjective) : null;
        var report = new OperationsReport(checks, budget, Rightsizer.Recommend(input.Usage, rules), now, rules);

        var effects = new List<Effect>();
        if (!context.Issue.HasLabel(OperationsEffects.IncidentLabel) && OperationsEffects.Incident(context.Issue.Number, report.Down, now) is { } incident)
        {
            effects.Add(incident);
        }

        effects.AddRange(OperationsEffects.Resizes(context.Issue.Number, report.Sizing));
        var classification = report.Down.Count > 0 || report.Tls.Any(t => t.Level is "critical" or "expired")
            ? new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m)
            : report.Sizing.Any(s => s.Action != "keep")
                ? new Classification(Impact.Low, Complexity.Simple, Reversibility.Reversible, Stakeholders.Internal, Math.Abs(report.Sizing.Sum(s => s.MonthlySavings)))
                : Classification.Routine;
        var comment = CommentRenderer.Render(context.Policies.Template, OperationsTemplate.BuiltIn, report.Model());
        var actions = report.Actions();
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var result = ResultFactory.Create(context, AgentOutcome.Completed, report.Summary(), comment.Text, actions, report.Outputs(input.Options), classification, 0.95, CostModel.PerHttpCheckUsd * checks.Count);
        return result with { Effects = effects };
    }

    internal static OperationsInput Read(IssueForm form)
    {
        const string expectation = "one http(s) URL per line, at most 20, e.g. https://status.example.com/health";
        var csv = IssueForm.StripFence(form.Optional(ResourceUsageCsv.Field));
        var usage = csv.Trim().Length > 0 ? ResourceUsageCsv.Parse(csv) : [];
        var lines = usage.Count > 0 ? FormValues.Lines(form.Optional("Endpoints")) : FormValues.Lines(form.Required("Endpoints", expectation + " (or a `" + ResourceUsageCsv.Field + "` to rightsize)"));
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
        return new OperationsInput(endpoints, new HealthCheckOptions(TimeSpan.FromMilliseconds(timeout), TimeSpan.FromMilliseconds(budget)), usage);
    }
}
