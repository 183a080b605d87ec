using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>autonomy.yml</c>: <c>mode</c>, <c>levels</c> (L1, L3), <c>overrides</c>, <c>disabled</c>, <c>risk</c>.</summary>
internal static class AutonomyBinder
{
    public static AutonomyPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = AutonomyPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "mode", "levels", "overrides", "disabled", "risk") is not { } file)
        {
            return fallback;
        }

        var mode = file.Get("mode") is { } m ? read.Choice(m, "mode", PolicyChoices.Mode) : fallback.Mode;
        var (l1, l3) = file.Get("levels") is { } l ? AutonomyLevels.Read(read, l) : (fallback.L1, fallback.L3);
        var overrides = file.Get("overrides") is { } o ? Overrides(read, o) : null;
        var disabled = file.Get("disabled") is { } d ? Disabled(read, d) : null;
        var risk = file.Get("risk") is { } r ? Risk(read, r) : null;
        return new AutonomyPolicy(mode ?? fallback.Mode, l1, l3, overrides ?? [], disabled ?? [], risk ?? fallback.Risk);
    }

    private static List<AutonomyOverride>? Overrides(ValueReader read, YamlValue node)
    {
        if (read.List(node, "overrides") is not { } items)
        {
            return null;
        }

        var result = new List<AutonomyOverride>();
        var seen = new Dictionary<(string?, string?), int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (MapReader.Open(read.Diagnostics, items[i], $"overrides[{i + 1}]", "agent", "operation", "level") is not { } map)
            {
                continue;
            }

            var agent = map.Get("agent") is { } a ? read.Agent(a, "agent") : null;
            var operation = map.Get("operation") is { } op ? Operation(read, op) : null;
            var level = map.Require("level") is { } lv ? read.Choice(lv, "level", PolicyChoices.Level) : null;
            if (map.Get("agent") is null && map.Get("operation") is null)
            {
                read.Diagnostics.Error(map.Map, $"'{map.Where}' needs 'agent', 'operation' or both, to say what the level applies to");
                continue;
            }

            if (level is not { } value || (map.Get("agent") is not null && agent is null) || (map.Get("operation") is not null && operation is null))
            {
                continue;
            }

            if (seen.TryGetValue((agent, operation), out var line))
            {
                read.Diagnostics.Error(map.Map, $"duplicate override for the same agent and operation; the first is on line {line}");
                continue;
            }

            seen.Add((agent, operation), map.Map.Line);
            result.Add(new AutonomyOverride(agent, operation, value));
        }

        return result;
    }

    // An operation is a routing label or family, exactly as routing.yml writes them.
    private static string? Operation(ValueReader read, YamlValue node)
    {
        if (read.Text(node, "operation") is not { } text)
        {
            return null;
        }

        if (LabelPattern.Problem(text) is { } problem)
        {
            read.Diagnostics.Error(node, problem);
            return null;
        }

        return text;
    }

    private static List<string>? Disabled(ValueReader read, YamlValue node)
    {
        if (read.List(node, "disabled") is not { } items)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var item in items)
        {
            if (read.Agent(item, "disabled") is { } agent && !result.Contains(agent, StringComparer.Ordinal))
            {
                result.Add(agent);
            }
        }

        return result;
    }

    private static RiskControls? Risk(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "risk", "dailySpendLimitUsd", "dailySpendLimitPerClientUsd", "approvalThresholdUsd", "confidenceThreshold", "reviewSampleRate") is not { } map)
        {
            return null;
        }

        var d = RiskControls.Default;
        return new RiskControls(
            (map.Get("dailySpendLimitUsd") is { } a ? read.Usd(a, "dailySpendLimitUsd") : null) ?? d.DailySpendLimitUsd,
            (map.Get("dailySpendLimitPerClientUsd") is { } b ? read.Usd(b, "dailySpendLimitPerClientUsd") : null) ?? d.DailySpendLimitPerClientUsd,
            (map.Get("approvalThresholdUsd") is { } c ? read.Usd(c, "approvalThresholdUsd") : null) ?? d.ApprovalThresholdUsd,
            (map.Get("confidenceThreshold") is { } e ? read.Fraction(e, "confidenceThreshold") : null) ?? d.ConfidenceThreshold,
            (map.Get("reviewSampleRate") is { } f ? read.Fraction(f, "reviewSampleRate") : null) ?? d.ReviewSampleRate);
    }
}
