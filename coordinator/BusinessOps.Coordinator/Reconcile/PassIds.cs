using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Lease holders (<see cref="Core.State.Lease"/>): one id per pass, <c>{host}.{pid}.{process start}.{random}</c>, the host
/// hashed (a marker never names a machine). A pass's lease ends when the pass does; the shell knows that without any
/// write for its own process's passes (<see cref="End"/>) and for any process on this host that has died (a <c>kill -9</c>,
/// a crash): <see cref="Ended"/> tells <c>Decide</c>. Elsewhere only the expiry ends it.
/// </summary>
internal static class PassIds
{
    // Bounded: a --monitor loop runs a pass every few seconds for weeks; only recent passes can still hold a lease.
    private const int Remembered = 10_000;

    private static readonly string Host = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName)))[..8];
    private static readonly string Process = Host + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + StartOf(System.Diagnostics.Process.GetCurrentProcess());
    private static readonly ConcurrentDictionary<string, byte> EndedHere = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> Order = new();

    /// <summary>A new pass id of this process.</summary>
    public static string New() => Process + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The pass is over (normally or not): its leases no longer bind anyone.</summary>
    public static void End(string pass)
    {
        if (EndedHere.TryAdd(pass, 0))
        {
            Order.Enqueue(pass);
            while (Order.Count > Remembered && Order.TryDequeue(out var old))
            {
                EndedHere.TryRemove(old, out _);
            }
        }
    }

    /// <summary>The holders among <paramref name="holders"/> that are known to be gone.</summary>
    public static IReadOnlySet<string> Ended(IEnumerable<string> holders)
    {
        var ended = new HashSet<string>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            if (EndedHere.ContainsKey(holder) || DiedOnThisHost(holder))
            {
                ended.Add(holder);
            }
        }

        return ended;
    }

    /// <summary>True when <paramref name="holder"/> names a process of this host that no longer runs (or a reused pid).</summary>
    private static bool DiedOnThisHost(string holder)
    {
        var parts = holder.Split('.');
        if (parts.Length != 4 || parts[0] != Host || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (parts[1] + "." + parts[2] == Process[(Host.Length + 1)..])
        {
            // This process: alive; its ended passes are known above.
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited || StartOf(process) != parts[2];
        }
        catch (ArgumentException)
        {
            // No process with that id.
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Cannot tell (another user's process): assume alive, the expiry still ends it.
            return false;
        }
    }

    private static string StartOf(Process process) => process.StartTime.ToUniversalTime().Ticks.ToString("x", CultureInfo.InvariantCulture);
}
