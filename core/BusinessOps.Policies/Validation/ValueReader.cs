using System.Globalization;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Time;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Validation;

/// <summary>
/// Typed reads of scalars. Each returns null after reporting a message that names the key, says what is
/// expected and quotes what was found; binders substitute a default and carry on so every error surfaces.
/// </summary>
internal sealed class ValueReader(FileDiagnostics diagnostics)
{
    public FileDiagnostics Diagnostics => diagnostics;

    public string? Text(YamlValue node, string key, int maxLength = 200)
    {
        if (node is not YamlText { IsNull: false } text)
        {
            diagnostics.Error(node, $"'{key}' must be text; found {node.Describe()}");
            return null;
        }

        if (text.Value.Length > maxLength)
        {
            diagnostics.Error(node, $"'{key}' is {text.Value.Length} characters long; at most {maxLength} are allowed");
            return null;
        }

        return text.Value;
    }

    public bool? Bool(YamlValue node, string key)
    {
        if (node is YamlText { IsPlain: true } t)
        {
            if (t.Value is "true" or "True" or "TRUE")
            {
                return true;
            }

            if (t.Value is "false" or "False" or "FALSE")
            {
                return false;
            }
        }

        diagnostics.Error(node, $"'{key}' must be true or false; found {node.Describe()}");
        return null;
    }

    public int? Int(YamlValue node, string key, int min, int max)
    {
        if (Scalar(node) is { } s && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        diagnostics.Error(node, $"'{key}' must be a whole number from {min} to {max}; found {node.Describe()}");
        return null;
    }

    public double? Number(YamlValue node, string key, double min, double max)
    {
        if (Scalar(node) is { } s && double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && double.IsFinite(n) && n >= min && n <= max)
        {
            return n;
        }

        diagnostics.Error(node, string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a number from {min} to {max}; found {node.Describe()}"));
        return null;
    }

    /// <summary>An amount in US dollars, ≥ 0 (or &gt; 0 when <paramref name="positive"/>), no currency sign.</summary>
    public decimal? Usd(YamlValue node, string key, bool positive = false)
    {
        if (Scalar(node) is { } s && decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            && (positive ? n > 0 : n >= 0) && n <= 1_000_000_000_000m)
        {
            return n;
        }

        var bound = positive ? "greater than 0" : "0 or more";
        diagnostics.Error(node, $"'{key}' must be an amount in US dollars, {bound}, written without '$' or separators (e.g. 1000 or 12.50); found {node.Describe()}");
        return null;
    }

    /// <summary>A fraction 0–1, also written as a percentage (<c>80%</c>); <paramref name="exclusiveZero"/> rejects 0.</summary>
    public double? Fraction(YamlValue node, string key, bool exclusiveZero = false)
    {
        if (Scalar(node) is { } s)
        {
            var percent = s.EndsWith('%');
            var digits = percent ? s[..^1] : s;
            if (double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                // Percentages are converted exactly enough for thresholds: 80% → 0.8.
                var value = percent ? Math.Round(n / 100, 10) : n;
                if (value <= 1 && (exclusiveZero ? value > 0 : value >= 0))
                {
                    return value;
                }
            }
        }

        var range = exclusiveZero ? "greater than 0 and at most 1" : "from 0 to 1";
        diagnostics.Error(node, $"'{key}' must be a fraction {range} (e.g. 0.75) or a percentage (e.g. 75%); found {node.Describe()}");
        return null;
    }

    public TimeSpan? Duration(YamlValue node, string key)
    {
        if (Scalar(node) is { } s && Durations.TryParse(s, out var value))
        {
            return value;
        }

        diagnostics.Error(node, $"'{key}' must be {Durations.Expected} (at most {Durations.Format(Durations.Max)}); found {node.Describe()}");
        return null;
    }

    public T? Choice<T>(YamlValue node, string key, Choices<T> choices)
        where T : struct
    {
        if (Scalar(node) is { } s && choices.TryParse(s, out var value))
        {
            return value;
        }

        var hint = Scalar(node) is { } text ? Suggest.Hint(text, choices.Names) : string.Empty;
        diagnostics.Error(node, $"'{key}' must be one of {choices.List}; found {node.Describe()}{hint}");
        return null;
    }

    /// <summary>An agent by full (<c>ai-security-agent</c>) or short (<c>security</c>) name, normalised to the full one.</summary>
    public string? Agent(YamlValue node, string key)
    {
        var s = Scalar(node);
        if (s is not null && s.Length <= 100 && AgentNames.TryNormalize(s, out var agent))
        {
            return agent;
        }

        if (s is null)
        {
            diagnostics.Error(node, $"'{key}' must name an agent; found {node.Describe()}; expected one of {string.Join(", ", AgentNames.All)}");
            return null;
        }

        var full = s.StartsWith("ai-", StringComparison.OrdinalIgnoreCase) ? s : $"ai-{s}-agent";
        diagnostics.Error(node, $"unknown agent '{YamlText.Shorten(s)}'{Suggest.Hint(full, AgentNames.All)}; expected one of {string.Join(", ", AgentNames.All)}");
        return null;
    }

    /// <summary>The items of a list, or null after reporting what was found instead.</summary>
    public IReadOnlyList<YamlValue>? List(YamlValue node, string key)
    {
        if (node is YamlList list)
        {
            return list.Items;
        }

        diagnostics.Error(node, $"'{key}' must be a list (lines starting with '- ', or [a, b]); found {node.Describe()}");
        return null;
    }

    // Numbers and names are read from plain or quoted scalars alike; collections and nulls are not scalars here.
    private static string? Scalar(YamlValue node) => node is YamlText { IsNull: false } t ? t.Value.Trim() : null;
}
