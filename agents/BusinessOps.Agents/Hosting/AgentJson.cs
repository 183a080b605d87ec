using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessOps.Core;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Indented JSON for stdout with the contract's enum spellings (<c>needs-approval</c>, <c>easily_reversible</c>).
/// Why not <c>CoreJson.Pretty</c>: its options are built without the context's converters, so it writes enums as
/// numbers, which <c>CoreJson.Default</c> (what the coordinator reads with) rejects. Remove once Core is fixed.
/// </summary>
internal static class AgentJson
{
    private static readonly CoreJson Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new KebabEnumConverter<AgentOutcome>(),
            new SnakeEnumConverter<Impact>(),
            new SnakeEnumConverter<Complexity>(),
            new SnakeEnumConverter<Reversibility>(),
            new SnakeEnumConverter<Stakeholders>(),
        },
    });

    public static string Serialize(AgentResult result) => JsonSerializer.Serialize(result, Context.AgentResult);
}
