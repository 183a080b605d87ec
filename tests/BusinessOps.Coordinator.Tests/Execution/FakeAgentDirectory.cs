namespace BusinessOps.Coordinator.Tests.Execution;

/// <summary>A temporary folder of agent executables written as shell scripts (real child processes, no .NET start-up).</summary>
internal sealed class FakeAgentDirectory : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bops-agents-");

    public string Path => _dir.FullName;

    /// <summary>A file in the folder, for scripts to write what they saw.</summary>
    public string File(string name) => System.IO.Path.Combine(_dir.FullName, name);

    /// <summary>Writes <c>ai-qa-agent</c> as <c>#!/bin/sh</c> + <paramref name="script"/>.</summary>
    public void Agent(string script, string name = "ai-qa-agent")
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
