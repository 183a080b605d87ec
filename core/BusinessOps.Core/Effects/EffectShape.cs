using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// The checks every effect passes before anyone sees it, without knowing its kind's schema (that check lives with the
/// connectors): a known kind, a target of the kind's form, parameters that are one JSON object of bounded size and
/// depth with no key repeated (a repeated key could show one amount and send another).
/// </summary>
public static class EffectShape
{
    /// <summary>Effects one plan may hold.</summary>
    public const int MaxEffects = 50;

    /// <summary>Canonical characters one effect's parameters may take (a plan travels in one GitHub comment).</summary>
    public const int MaxParameterChars = 32_000;

    /// <summary>Canonical characters all of one plan's effects may take together.</summary>
    public const int MaxPlanChars = 48_000;

    /// <summary>Nesting allowed inside parameters.</summary>
    public const int MaxDepth = 16;

    /// <summary>Why <paramref name="effect"/> is malformed, naming the kind and the field; null when it is well formed.</summary>
    public static string? Problem(Effect effect)
    {
        if (!EffectCatalog.TryGet(effect.Kind, out var kind))
        {
            var known = string.Join(", ", EffectCatalog.All.Select(k => k.Name));
            return $"unknown effect kind '{Governance.MarkdownSafe.Inline(effect.Kind, 60)}'; known kinds: {known}";
        }

        if (TargetProblem(kind, effect.Target) is { } target)
        {
            return $"{kind.Name}: target {target}";
        }

        if (effect.Parameters.ValueKind != JsonValueKind.Object)
        {
            return $"{kind.Name}: 'parameters' must be a JSON object; found {Describe(effect.Parameters.ValueKind)}";
        }

        if (StructureProblem(effect.Parameters, "parameters", 1) is { } structure)
        {
            return $"{kind.Name}: {structure}";
        }

        var length = EffectCanonical.Parameters(effect.Parameters).Length;
        return length > MaxParameterChars
            ? string.Create(CultureInfo.InvariantCulture, $"{kind.Name}: parameters take {length:N0} characters; at most {MaxParameterChars:N0} fit in a plan (link large content instead of inlining it)")
            : null;
    }

    /// <summary>Why the list as a whole cannot be a plan (too many effects, too large), or the first malformed effect.</summary>
    public static string? PlanProblem(IReadOnlyList<Effect> effects)
    {
        if (effects.Count > MaxEffects)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the plan has {effects.Count} effects; at most {MaxEffects} are allowed");
        }

        for (var i = 0; i < effects.Count; i++)
        {
            if (Problem(effects[i]) is { } problem)
            {
                return string.Create(CultureInfo.InvariantCulture, $"effect e{i + 1}: {problem}");
            }
        }

        var total = EffectCanonical.Write(effects).Length;
        return total > MaxPlanChars
            ? string.Create(CultureInfo.InvariantCulture, $"the plan's effects take {total:N0} characters; at most {MaxPlanChars:N0} fit in the plan comment")
            : null;
    }

    /// <summary>Why <paramref name="target"/> is not of the kind's form (e.g. "must be an issue like #12"), or null.</summary>
    public static string? TargetProblem(EffectKindInfo kind, string? target)
    {
        var shown = Governance.MarkdownSafe.Inline(target, 60);
        return kind.Target switch
        {
            EffectTargetForm.Issue when !IsIssue(target) => $"must be an issue of this repository like #12; found '{shown}'",
            EffectTargetForm.Environment when !IsEnvironment(target) => $"must be a deployment environment name (letters, digits, space, '.', '_', '-'; at most 100); found '{shown}'",
            EffectTargetForm.Endpoint when !IsName(target) => $"must name a webhook endpoint from connectors.yml (lower-case letters, digits, '-'); found '{shown}'",
            EffectTargetForm.Command when !IsName(target) => $"must name a command from connectors.yml (lower-case letters, digits, '-'); found '{shown}'",
            EffectTargetForm.EmailAddress when !IsEmail(target) => $"must be one email address like ap@example.com; found '{shown}'",
            _ => null,
        };
    }

    /// <summary>The issue number of a target <c>#12</c>.</summary>
    public static bool TryIssueNumber(string? target, out int number)
    {
        number = 0;
        return target is { Length: > 1 and <= 10 } && target[0] == '#'
            && int.TryParse(target.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>Endpoint and command names: <c>payables</c>, <c>email-service</c>.</summary>
    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= 63 } && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsIssue(string? target) => TryIssueNumber(target, out _);

    private static bool IsEnvironment(string? target) =>
        target is { Length: > 0 and <= 100 } && target.Trim().Length == target.Length
        && target.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-');

    private static bool IsEmail(string? target) =>
        target is { Length: > 2 and <= 254 }
        && !target.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')')
        && MailAddress.TryCreate(target, out var address)
        && string.Equals(address.Address, target, StringComparison.Ordinal)
        && address.Host.Length > 0;

    private static string? StructureProblem(JsonElement value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{path}' is nested deeper than {MaxDepth} levels");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        return $"'{path}' has the key '{Governance.MarkdownSafe.Inline(property.Name, 60)}' more than once";
                    }

                    if (StructureProblem(property.Value, $"{path}.{Governance.MarkdownSafe.Inline(property.Name, 60)}", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (StructureProblem(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
