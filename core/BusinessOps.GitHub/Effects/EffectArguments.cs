using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Effects;

/// <summary>
/// Reads an effect's target and parameters. The router checks every effect against its kind's JSON Schema before it
/// reaches the connector; these reads are the connector's own guard (typed, and clear if an effect skipped the router).
/// </summary>
internal static class EffectArguments
{
    public static T Read<T>(EffectRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return request.Effect.Parameters.Deserialize(type) ?? throw Invalid(request, "they are null");
        }
        catch (JsonException ex)
        {
            throw Invalid(request, ex.Message);
        }
    }

    /// <summary>The issue number of an effect whose target is an issue (<c>#12</c>).</summary>
    public static int Issue(EffectRequest request) =>
        EffectShape.TryIssueNumber(request.Effect.Target, out var number)
            ? number
            : throw new EffectParameterException($"{request.Effect.Kind}: target must be an issue of this repository like #12; found '{Core.Governance.MarkdownSafe.Inline(request.Effect.Target, 60)}'");

    /// <summary>A required parameter, or a clear failure naming it.</summary>
    public static string Required(EffectRequest request, string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.{name}' is required") : value;

    public static EffectParameterException Invalid(EffectRequest request, string why) =>
        new($"{request.Effect.Kind}: the parameters cannot be read ({Core.Governance.MarkdownSafe.Inline(why, 200)}); nothing was sent");
}
