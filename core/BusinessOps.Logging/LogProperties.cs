namespace BusinessOps.Logging;

/// <summary>The property names every component logs the facts of a dispatch under.</summary>
public static class LogProperties
{
    public const string Issue = "Issue";
    public const string Agent = "Agent";
    public const string Attempt = "Attempt";
    public const string Key = "Key";
}
