using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessOps.Automation;

/// <summary>The JSON settings of this project: camelCase, compact, HTML-sensitive characters escaped (markers).</summary>
public static class AutomationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    /// <summary>
    /// Indented and readable, for the JSON shown inside issue bodies: apostrophes and accented letters as they are
    /// ("Today's café", not "Today\u0027s caf\u00E9"). Relaxed escaping is safe there because such JSON is only ever
    /// written into a json fence by <see cref="Issues.IssueFormWriter"/>, which escapes what could close the fence or
    /// the marker, mention anyone or carry an expression (<c>` @ $ &lt; &gt;</c>) itself.
    /// </summary>
    public static JsonSerializerOptions Pretty { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
