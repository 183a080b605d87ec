namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Finds an agent executable: the apphost or the <c>.dll</c> beside the coordinator (the build puts all fourteen
/// there), or in <c>BUSINESSOPS_AGENTS_DIR</c>.
/// </summary>
public sealed class AgentLocator(IReadOnlyList<string> directories)
{
    public static AgentLocator Default()
    {
        var dirs = new List<string>();
        var env = Environment.GetEnvironmentVariable("BUSINESSOPS_AGENTS_DIR");
        if (!string.IsNullOrWhiteSpace(env))
        {
            dirs.Add(env);
        }

        dirs.Add(AppContext.BaseDirectory);
        return new AgentLocator(dirs);
    }

    public IReadOnlyList<string> Directories => directories;

    /// <summary>Command and leading arguments to start <paramref name="agent"/>, or null when it is not installed.</summary>
    public (string FileName, string[] Prefix)? Resolve(string agent)
    {
        foreach (var dir in directories)
        {
            var dll = Path.Combine(dir, agent + ".dll");
            var config = Path.Combine(dir, agent + ".runtimeconfig.json");

            // A self-contained agent (a release archive's agents/) carries its runtime: its apphost needs no dotnet.
            if (File.Exists(dll) && File.Exists(config) && !File.ReadAllText(config).Contains("\"includedFrameworks\"", StringComparison.Ordinal))
            {
                // Through the dotnet host rather than the apphost: works even where the apphost lost its execute bit.
                return (DotnetHost(), [dll]);
            }

            var host = Path.Combine(dir, OperatingSystem.IsWindows() ? agent + ".exe" : agent);
            if (File.Exists(host))
            {
                return (host, []);
            }
        }

        return null;
    }

    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(root) && File.Exists(root) ? root : "dotnet";
    }
}
