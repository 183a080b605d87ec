using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace BusinessOps.EndToEnd.Tests;

/// <summary>Runs the built <c>coordinator</c> as a child process in a scratch folder, the way a person would.</summary>
internal sealed class Coordinator : IDisposable
{
    private static readonly string Dir = Metadata("CoordinatorDir");

    /// <summary>The built coordinator, run as <c>dotnet coordinator.dll</c>.</summary>
    public static string Dll => Path.Combine(Dir, "coordinator.dll");

    public Coordinator()
    {
        Root = Directory.CreateTempSubdirectory("bops-e2e-").FullName;
        Store = Path.Combine(Root, "ops.db");
    }

    public static string ShippedPolicies { get; } = Metadata("PoliciesDir");

    public string Root { get; }

    public string Store { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public async Task<Result> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("GITHUB_TOKEN");
        psi.Environment.Remove("GITHUB_REPOSITORY");
        psi.Environment["BUSINESSOPS_ACTOR"] = "dana";

        // The shipped schedules would open issues depending on the wall clock; tests that want them switch this back on.
        psi.Environment["BUSINESSOPS_AUTOMATION"] = "off";
        foreach (var (k, v) in Environment)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Installs a fake <paramref name="agent"/>: a shell script that reads its input, then runs <paramref name="script"/>;
    /// the coordinator finds it through BUSINESSOPS_AGENTS_DIR.
    /// </summary>
    public async Task InstallAgentAsync(string agent, string script)
    {
        var agents = Path.Combine(Root, "agents");
        Directory.CreateDirectory(agents);
        var path = Path.Combine(agents, agent);
        await File.WriteAllTextAsync(path, "#!/bin/sh\ncat > /dev/null\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment["BUSINESSOPS_AGENTS_DIR"] = agents;
    }

    /// <summary>Runs a command against this test's store.</summary>
    public Task<Result> WithStoreAsync(params string[] args) => RunAsync([.. args, "--store", Store]);

    public async Task<JsonElement> ShowAsync(int number)
    {
        var r = await WithStoreAsync("issues", "show", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    public async Task<int> FileAsync(string title, string body, params string[] labels)
    {
        var args = new List<string> { "issues", "file", "--title", title, "--body", body, "--json" };
        foreach (var l in labels)
        {
            args.Add("--label");
            args.Add(l);
        }

        var r = await WithStoreAsync([.. args]);
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("number").GetInt32();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string Metadata(string key) =>
        typeof(Coordinator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => new StringBuilder().Append("exit ").Append(ExitCode).Append("\nstdout:\n").Append(Stdout).Append("\nstderr:\n").Append(Stderr).ToString();
    }
}
