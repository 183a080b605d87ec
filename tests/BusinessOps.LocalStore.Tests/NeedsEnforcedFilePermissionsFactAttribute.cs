namespace BusinessOps.LocalStore.Tests;

/// <summary>
/// A fact that is skipped, with the reason shown, where chmod cannot make a file read-only: as root (CI containers)
/// or on Windows. It probes the real behaviour rather than guessing from the user name.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsEnforcedFilePermissionsFactAttribute : FactAttribute
{
    public NeedsEnforcedFilePermissionsFactAttribute()
    {
        if (!PermissionsAreEnforced())
        {
            Skip = "chmod 0444 does not stop writes here (running as root or on Windows); the read-only message is covered by the ReadOnly-mode test.";
        }
    }

    private static bool PermissionsAreEnforced()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var probe = Path.Combine(Path.GetTempPath(), "businessops-chmod-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(probe, "probe");
        try
        {
            File.SetUnixFileMode(probe, UnixFileMode.UserRead);
            using var stream = File.OpenWrite(probe);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            File.SetUnixFileMode(probe, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(probe);
        }
    }
}
