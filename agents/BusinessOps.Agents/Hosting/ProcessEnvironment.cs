namespace BusinessOps.Agents.Hosting;

/// <summary>The process environment, once, as the logging and masking setup take it.</summary>
internal static class ProcessEnvironment
{
    public static Dictionary<string, string?> Snapshot()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string;
        }

        return env;
    }
}
