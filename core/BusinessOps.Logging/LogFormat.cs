namespace BusinessOps.Logging;

/// <summary>How log events are written: readable lines for a terminal, or one JSON object per line for CI, Actions and the cloud.</summary>
public enum LogFormat
{
    /// <summary><c>09:15:02 INF #12 ai-qa-agent dispatched …</c>.</summary>
    Text,

    /// <summary>Compact JSON (<c>@t</c>, <c>@m</c>, <c>@l</c>, properties), one event per line.</summary>
    Json,
}
