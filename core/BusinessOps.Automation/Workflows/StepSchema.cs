using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Governance;
using Json.Schema;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// A JSON Schema declared with a workflow step for its input or output (JsonSchema.Net). Built in a registry of
/// its own that fetches nothing, so a schema can never make the coordinator download anything. Violations come
/// back as one line each naming the field (<c>keywords: value is "string" but should be "array"</c>).
/// </summary>
public sealed class StepSchema
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema schema;

    private StepSchema(JsonObject source, JsonSchema schema)
    {
        Source = source;
        this.schema = schema;
    }

    /// <summary>The schema as written, for type checks between steps.</summary>
    public JsonObject Source { get; }

    /// <summary>Builds <paramref name="source"/>; null with <paramref name="problem"/> when it is not a usable schema.</summary>
    public static StepSchema? TryCreate(JsonObject source, out string? problem)
    {
        problem = null;
        try
        {
            var text = source.ToJsonString();
            using var document = JsonDocument.Parse(text);

            // A registry per schema, so schemas never see each other; the base URI only has to be a valid absolute URI.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var baseUri = new Uri("https://businessops.invalid/schema/" + StableHash.Hash64(text).ToString("x16", CultureInfo.InvariantCulture));
            var built = JsonSchema.Build(document.RootElement.Clone(), options, baseUri);

            // Evaluate once so an unresolvable $ref is reported now, with the policy's position, not mid-workflow.
            using var probe = JsonDocument.Parse("{}");
            _ = built.Evaluate(probe.RootElement, Evaluation);
            return new StepSchema((JsonObject)source.DeepClone(), built);
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            problem = "not a usable JSON Schema: " + ex.Message;
            return null;
        }
    }

    /// <summary>Parses and builds a schema written as JSON text (for tests and code-built workflows).</summary>
    public static StepSchema Parse(string json) =>
        (JsonNode.Parse(json) is JsonObject o ? TryCreate(o, out var problem) ?? throw new ArgumentException(problem, nameof(json)) : null)
        ?? throw new ArgumentException("a JSON Schema is a JSON object", nameof(json));

    /// <summary>Each violation of <paramref name="instance"/>, naming the field; empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors is null)
            {
                continue;
            }

            var where = detail.InstanceLocation.ToString();
            var field = where is "" or "/" or "#" ? "(the whole object)" : where.TrimStart('#').TrimStart('/').Replace('/', '.');
            foreach (var (_, message) in detail.Errors)
            {
                var line = $"{field}: {message}";
                if (!problems.Contains(line))
                {
                    problems.Add(line);
                }
            }
        }

        return problems.Count > 0 ? problems : ["the value does not match the schema"];
    }

    /// <summary>The JSON types (<c>string</c>, <c>number</c>, …) the schema declares at a dotted property path, or null when it says nothing there.</summary>
    public IReadOnlyList<string>? TypesAt(string path)
    {
        JsonNode? node = Source;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o["properties"] is JsonObject props && props[part] is JsonObject p ? p : null;
            if (node is null)
            {
                return null;
            }
        }

        return node["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => [t],
            JsonArray a => [.. a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : string.Empty).Where(s => s.Length > 0)],
            _ => null,
        };
    }

    /// <summary>True when the schema lists properties and <paramref name="path"/>'s first segment is not among them.</summary>
    public bool DeclaresNo(string path) =>
        Source["properties"] is JsonObject props && !props.ContainsKey(path.Split('.')[0]);

    /// <summary>The property names the schema lists, for "did you mean".</summary>
    public IEnumerable<string> PropertyNames => Source["properties"] is JsonObject props ? props.Select(p => p.Key) : [];
}
