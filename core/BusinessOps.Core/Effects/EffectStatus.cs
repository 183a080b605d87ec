using System.Text.Json.Serialization;

namespace BusinessOps.Core.Effects;

/// <summary>Where one effect stands. Written kebab-case (<c>started</c>, <c>done</c>, <c>failed</c>, <c>unknown</c>).</summary>
[JsonConverter(typeof(KebabEnumConverter<EffectStatus>))]
public enum EffectStatus
{
    /// <summary>Recorded before the connector was called; still <c>started</c> on a rerun means the outcome was lost.</summary>
    Started,

    /// <summary>The target confirmed it.</summary>
    Done,

    /// <summary>The target refused it or could not be reached; nothing happened (as far as the target says).</summary>
    Failed,

    /// <summary>It may or may not have happened (timed out after sending, crashed before recording); never repeated blindly.</summary>
    Unknown,
}
