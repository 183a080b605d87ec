namespace BusinessOps.Faults.Tests.Agents;

/// <summary>
/// A temporary folder holding <c>ai-qa-agent</c> as a shell script (a real child process, no .NET start-up). Every script
/// reads its input, writes its process id to <c>pids</c>, and may start more processes that write theirs there too.
/// </summary>
internal sealed class ScriptAgents : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bo-faults-agents-");

    public string Path => _dir.FullName;

    /// <summary>Where the scripts append the process ids they started.</summary>
    public string Pids => System.IO.Path.Combine(_dir.FullName, "pids");

    public void Write(string script)
    {
        var path = System.IO.Path.Combine(_dir.FullName, "ai-qa-agent");
        File.WriteAllText(path, $"#!/bin/sh\ncat > /dev/null\necho $$ >> {Pids}\n{script}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The processes the scripts started that still run (not zombies, not exiting).</summary>
    public IReadOnlyList<int> Running() => File.Exists(Pids)
        ? [.. File.ReadAllLines(Pids).Where(l => l.Length > 0).Select(int.Parse).Where(Alive)]
        : [];

    public void Dispose() => _dir.Delete(recursive: true);

    // Running: /proc/PID/stat exists, the state is not Z and PF_EXITING (0x4) is not among the flags.
    private static bool Alive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] != "Z" && (long.Parse(fields[6], System.Globalization.CultureInfo.InvariantCulture) & 0x4) == 0;
    }
}
