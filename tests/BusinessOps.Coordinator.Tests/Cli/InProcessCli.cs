using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Tests.Issues;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// Runs the whole coordinator command line in process (<see cref="CoordinatorCli"/>), as Program.cs does, with captured
/// writers, a scratch folder, a fake clock and an environment of the test's choosing (never the real one).
/// </summary>
public sealed class InProcessCli : IDisposable
{
    public InProcessCli()
    {
        Root = Directory.CreateTempSubdirectory("bo-cli-").FullName;
        StorePath = Path.Combine(Root, "ops.db");
    }

    public string Root { get; }

    public string StorePath { get; }

    public FakeTimeProvider Clock { get; } = new(Some.Epoch);

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CoordinatorCli.RunAsync(args, output, error, new CliHost(Environment, Clock), CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
