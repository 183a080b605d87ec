using System.Text.Encodings.Web;
using System.Text.Json;

namespace BusinessOps.Agents.Hosting;

/// <summary>Options for rendering output values in comments (relaxed escaping: the comment text is neutralized separately).</summary>
internal static class CompactJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
