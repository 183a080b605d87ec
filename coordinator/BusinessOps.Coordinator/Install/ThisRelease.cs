using System.Reflection;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// Which BusinessOps release this coordinator is: the repository publishing it and its tag, stamped into the assembly
/// by the release build (<c>-p:BusinessOpsRepository=… -p:Version=…</c>). A development build has no tag.
/// </summary>
public static class ThisRelease
{
    private static readonly Assembly Assembly = typeof(ThisRelease).Assembly;

    public static string Repository { get; } =
        Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BusinessOpsRepository")?.Value is { Length: > 0 } r ? r : "businessops/businessops";

    /// <summary><c>v1.4.0</c> for a release build; null for a development build (version 1.0.0 or a local suffix).</summary>
    public static string? Tag { get; } = TagOf(Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    internal static string? TagOf(string? informational)
    {
        var version = informational?.Split('+')[0];
        return version is null or "1.0.0" || version.Length == 0 ? null : "v" + version;
    }
}
