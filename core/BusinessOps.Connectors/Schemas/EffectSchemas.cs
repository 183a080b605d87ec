using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;
using Json.Schema;

namespace BusinessOps.Connectors.Schemas;

/// <summary>
/// The JSON Schema (2020-12) of every effect kind's parameters, embedded in this assembly as
/// <c>Schemas/Kinds/{kind}.json</c>, and the check of an effect against it. Formats (<c>date</c>, <c>email</c>,
/// <c>uri</c>) are enforced, not just annotated. Each violation names the kind and the field.
/// </summary>
public static class EffectSchemas
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private static readonly FrozenDictionary<string, JsonSchema> ByKind = Load();

    /// <summary>The schema of <paramref name="kind"/>'s parameters as JSON text (for documentation and agents' authors).</summary>
    public static string? Text(string kind)
    {
        using var stream = typeof(EffectSchemas).Assembly.GetManifestResourceStream("schema:" + kind);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Every rule <paramref name="effect"/> breaks: first the shape every effect must have (known kind, target,
    /// one bounded JSON object), then its kind's schema. Empty when the effect is valid.
    /// </summary>
    public static IReadOnlyList<EffectViolation> Validate(Effect effect)
    {
        if (EffectShape.Problem(effect) is { } shape)
        {
            return [new EffectViolation(effect.Kind, FieldOf(shape), shape)];
        }

        var results = ByKind[effect.Kind].Evaluate(effect.Parameters, Options);
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<EffectViolation>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            foreach (var (keyword, message) in errors)
            {
                var field = Field(detail.InstanceLocation.ToString(), keyword, message);
                var violation = new EffectViolation(effect.Kind, field, Describe(keyword, message, effect.Parameters, detail.InstanceLocation.ToString()));
                if (!violations.Contains(violation))
                {
                    violations.Add(violation);
                }
            }
        }

        if (violations.Count == 0)
        {
            violations.Add(new EffectViolation(effect.Kind, "parameters", "does not match the schema of " + effect.Kind));
        }

        return violations;
    }

    /// <summary>All violations as one line for a comment ("webhook.payment: 'parameters.amount' must be greater than 0; …").</summary>
    public static string Summary(IReadOnlyList<EffectViolation> violations) =>
        string.Join("; ", violations.Take(5).Select(v => v.ToString())) + (violations.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $"; and {violations.Count - 5} more") : string.Empty);

    private static FrozenDictionary<string, JsonSchema> Load()
    {
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var kind in EffectCatalog.All)
        {
            var text = Text(kind.Name) ?? throw new InvalidOperationException($"the schema of effect kind {kind.Name} is not embedded (Schemas/Kinds/{kind.Name}.json)");

            // Each schema gets its own base URI and registry so identical $defs names never collide.
            var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            schemas[kind.Name] = JsonSchema.FromText(text, build, new Uri($"https://businessops.local/effects/{kind.Name}.json"));
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // "/amount" → "parameters.amount"; a missing required property is named itself.
    private static string Field(string pointer, string keyword, string message)
    {
        var path = "parameters" + pointer.Replace('/', '.');
        if (keyword == "required" && Quoted(message) is { } missing)
        {
            return path + "." + missing;
        }

        return path;
    }

    private static string Describe(string keyword, string message, JsonElement parameters, string pointer) => keyword switch
    {
        "required" => "is required",

        // additionalProperties: false reports through the false subschema, whose keyword name varies by version.
        _ when keyword == "additionalProperties" || message.Contains("false schema", StringComparison.Ordinal) => "is not a parameter of this kind",
        "format" => "is not a valid " + FormatName(message),
        "pattern" => "has the wrong form: " + MarkdownSafe.Inline(Excerpt(parameters, pointer), 60),
        _ => MarkdownSafe.Inline(message, 200),
    };

    private static string FormatName(string message) =>
        message.Contains("date", StringComparison.OrdinalIgnoreCase) ? "date (YYYY-MM-DD)"
        : message.Contains("email", StringComparison.OrdinalIgnoreCase) ? "email address"
        : message.Contains("uri", StringComparison.OrdinalIgnoreCase) ? "URL"
        : "value";

    private static string? Quoted(string message)
    {
        var open = message.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : message.IndexOf('"', open + 1);
        return close > open + 1 ? message[(open + 1)..close] : null;
    }

    private static string Excerpt(JsonElement parameters, string pointer)
    {
        var node = parameters;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var child))
            {
                node = child;
            }
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < node.GetArrayLength())
            {
                node = node[i];
            }
            else
            {
                return string.Empty;
            }
        }

        return node.ValueKind == JsonValueKind.String ? "'" + node.GetString() + "'" : node.GetRawText();
    }

    private static string FieldOf(string shapeProblem) =>
        shapeProblem.Contains(": target ", StringComparison.Ordinal) ? "target"
        : shapeProblem.StartsWith("unknown effect kind", StringComparison.Ordinal) ? "kind"
        : "parameters";
}
