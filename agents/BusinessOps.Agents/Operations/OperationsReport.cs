using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Governance;

namespace BusinessOps.Agents.Operations;

/// <summary>The operations agent's findings and how they read: summary, Markdown plan, outputs and next actions.</summary>
internal sealed record OperationsReport(IReadOnlyList<EndpointCheck> Checks, ErrorBudget? Budget, IReadOnlyList<Rightsizing> Sizing, DateTimeOffset Now, OperationsRules Rules)
{
    public IReadOnlyList<EndpointCheck> Down => [.. Checks.Where(c => c.State == "down")];

    public IReadOnlyList<EndpointCheck> Slow => [.. Checks.Where(c => c.State == "slow")];

    /// <summary>Certificates past the warning threshold (warning, critical, expired), soonest first.</summary>
    public IReadOnlyList<(EndpointCheck Check, string Level, int Days)> Tls =>
        [.. Checks.Where(c => c.CertificateExpires is not null)
            .Select(c => (Check: c, Level: TlsExpiry.Assess(c.CertificateExpires!.Value, Now, Rules), Days: TlsExpiry.DaysLeft(c.CertificateExpires!.Value, Now)))
            .Where(x => x.Level != "ok").OrderBy(x => x.Days)];

    public decimal MonthlySavings => Sizing.Where(s => s.Action == "downsize").Sum(s => s.MonthlySavings);

    public string Summary()
    {
        var parts = new List<string>();
        if (Checks.Count > 0)
        {
            var up = Checks.Count - Down.Count - Slow.Count;
            parts.Add(Inv($"{up}/{Checks.Count} endpoint(s) healthy, {Slow.Count} slow, {Down.Count} down.")
                + (Down.Count > 0 ? " Down: " + string.Join(", ", Down.Take(5).Select(d => $"{d.Url} ({d.Error})")) + "." : string.Empty));
            parts.AddRange(Tls.Take(3).Select(t => t.Level == "expired"
                ? Inv($"TLS certificate of {t.Check.Url} expired on {t.Check.CertificateExpires:yyyy-MM-dd}.")
                : Inv($"TLS certificate of {t.Check.Url} expires in {t.Days} day(s) ({t.Level}).")));
            if (Budget is { } b)
            {
                parts.Add(Inv($"Uptime {b.Uptime:P2} over {b.Checks} check(s) in {b.Runs} run(s); error budget {Consumed(b)} used (burn rate {b.BurnRate:0.#}×)."));
            }
        }

        if (Sizing.Count > 0)
        {
            var down = Sizing.Count(s => s.Action == "downsize");
            var up = Sizing.Count(s => s.Action == "upsize");
            parts.Add(Inv($"Rightsizing {Sizing.Count} instance(s): {down} to downsize (saves ${MonthlySavings:N2}/month), {up} to upsize."));
        }

        return string.Join(" ", parts);
    }

    /// <summary>The data of the comment (<see cref="OperationsTemplate"/>): numbers formatted, cells from the issue bounded and pipe-escaped.</summary>
    public Dictionary<string, object?> Model() => new()
    {
        ["checks"] = Checks.Select(c => new Dictionary<string, object?>
        {
            ["url"] = MarkdownSafe.Cell(c.Url, 100),
            ["state"] = c.State,
            ["status"] = c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? MarkdownSafe.Cell(c.Error, 60),
            ["latency_ms"] = c.LatencyMs,
            ["certificate"] = c.CertificateExpires is { } at
                ? new Dictionary<string, object?> { ["expires"] = Inv($"{at:yyyy-MM-dd}"), ["level"] = TlsExpiry.Assess(at, Now, Rules), ["days_left"] = TlsExpiry.DaysLeft(at, Now) }
                : null,
        }).ToList(),
        ["budget"] = Budget is { } b && Checks.Count > 0
            ? new Dictionary<string, object?>
            {
                ["objective"] = Inv($"{b.Objective:P2}"),
                ["uptime"] = Inv($"{b.Uptime:P2}"),
                ["checks"] = b.Checks,
                ["runs"] = b.Runs,
                ["failed"] = b.Failed,
                ["allowed"] = Inv($"{b.Allowed:0.##}"),
                ["consumed"] = Consumed(b),
                ["burn_rate"] = Inv($"{b.BurnRate:0.#}"),
            }
            : null,
        ["rules"] = new Dictionary<string, object?>
        {
            ["downsize_below"] = Inv($"{Rules.DownsizeBelow:P0}"),
            ["downsize_factor"] = Inv($"{Rules.DownsizeFactor:P0}"),
            ["upsize_above"] = Inv($"{Rules.UpsizeAbove:P0}"),
        },
        ["sizing"] = Sizing.Select(s => new Dictionary<string, object?>
        {
            ["instance"] = MarkdownSafe.Cell(s.Usage.Instance, 60),
            ["type"] = MarkdownSafe.Cell(s.Usage.Type, 40),
            ["cpu_p95"] = Inv($"{s.Usage.CpuP95:P0}"),
            ["memory_p95"] = Inv($"{s.Usage.MemoryP95:P0}"),
            ["monthly_cost"] = Inv($"${s.Usage.MonthlyCost:N2}"),
            ["action"] = s.Action,
            ["monthly_savings"] = Inv($"${s.MonthlySavings:N2}"),
        }).ToList(),
        ["monthly_savings"] = Inv($"${MonthlySavings:N2}"),
    };

    public List<string> Actions()
    {
        var actions = Down.Select(d => $"Investigate {d.Url}: {d.Error}.")
            .Concat(Tls.Select(t => Inv($"Renew the TLS certificate of {t.Check.Url} ({(t.Level == "expired" ? "expired" : $"{t.Days} day(s) left")}).")))
            .Concat(Slow.Select(s => Inv($"Look into latency of {s.Url} ({s.LatencyMs} ms).")))
            .Concat(Sizing.Where(s => s.Action != "keep").Select(s => Inv($"{(s.Action == "downsize" ? "Downsize" : "Upsize")} {s.Usage.Instance} ({s.Reason}).")))
            .Take(20).ToList();
        if (actions.Count == 0)
        {
            actions.Add(Checks.Count > 0 ? "No action: all endpoints healthy." : "No action: every instance is within its thresholds.");
        }

        return actions;
    }

    public JsonObject Outputs(HealthCheckOptions options)
    {
        var outputs = new JsonObject();
        if (Checks.Count > 0)
        {
            var up = Checks.Count - Down.Count - Slow.Count;
            outputs["endpoints"] = Checks.Count;
            outputs["up"] = up;
            outputs["slow"] = Slow.Count;
            outputs["down"] = Down.Count;
            outputs["availability"] = Math.Round((double)(up + Slow.Count) / Checks.Count, 4);
            outputs["maxLatencyMs"] = Checks.Max(c => c.LatencyMs);
            outputs["timeoutMs"] = (int)options.Timeout.TotalMilliseconds;
            outputs["latencyBudgetMs"] = (int)options.LatencyBudget.TotalMilliseconds;
            outputs["checks"] = new JsonArray([.. Checks.Select(c => (JsonNode)new JsonObject
            {
                ["url"] = c.Url,
                ["state"] = c.State,
                ["status"] = c.StatusCode,
                ["latencyMs"] = c.LatencyMs,
                ["error"] = c.Error,
                ["tlsExpires"] = c.CertificateExpires?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["tlsDaysLeft"] = c.CertificateExpires is { } at ? TlsExpiry.DaysLeft(at, Now) : null,
                ["tls"] = c.CertificateExpires is { } exp ? TlsExpiry.Assess(exp, Now, Rules) : null,
            })]);
        }

        if (Budget is { } b)
        {
            outputs["uptime"] = b.Uptime;
            outputs["checksRecorded"] = b.Checks;
            outputs["errorBudgetConsumed"] = double.IsFinite(b.Consumed) ? Math.Round(b.Consumed, 4) : null;
            outputs["burnRate"] = Math.Round(b.BurnRate, 2);
        }

        if (Sizing.Count > 0)
        {
            outputs["estimatedMonthlySavingsUsd"] = MonthlySavings;
            outputs["rightsizing"] = new JsonArray([.. Sizing.Select(s => (JsonNode)new JsonObject
            {
                ["instance"] = s.Usage.Instance,
                ["type"] = s.Usage.Type,
                ["action"] = s.Action,
                ["capacityFactor"] = s.CapacityFactor,
                ["monthlySavingsUsd"] = s.MonthlySavings,
                ["reason"] = s.Reason,
            })]);
        }

        return outputs;
    }

    private static string Consumed(ErrorBudget b) => double.IsFinite(b.Consumed) ? b.Consumed.ToString("P0", CultureInfo.InvariantCulture) : "all (no failures allowed)";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
