using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessOps.Core.Policies;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// What an incremental pass must have in common with the pass that recorded the due times (<see cref="Core.Ports.IPassIndex"/>):
/// the policies as <c>Decide</c> reads them, the executor and how it dispatches. Any difference — a policy edit, another
/// executor — makes the next pass a full one.
/// </summary>
internal static class PassFingerprint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        IgnoreReadOnlyFields = false,
        IncludeFields = false,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A hash of <paramref name="policies"/>, <paramref name="executor"/> and <paramref name="dispatchImmediately"/>; null when the policies cannot be serialised (then every pass is a full one).</summary>
    public static string? Of(PolicySet policies, string executor, bool dispatchImmediately)
    {
        string text;
        try
        {
            text = JsonSerializer.Serialize(policies, Json);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
        {
            return null;
        }

        var whole = Encoding.UTF8.GetBytes(text + "\n" + executor + "\n" + (dispatchImmediately ? "immediate" : "queued"));
        return Convert.ToHexStringLower(SHA256.HashData(whole));
    }
}
