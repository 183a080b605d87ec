using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues;
using BusinessOps.Core;
using BusinessOps.LocalStore;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Issues;

/// <summary>
/// Hosts <see cref="IssuesCommand"/> in a root command the way Program.cs does (a recursive <c>--store</c>), on a store in
/// a fresh temp directory, and captures what each invocation writes.
/// </summary>
public sealed class IssuesCli : IDisposable
{
    private readonly RootCommand _root;

    /// <summary>A CLI over a fresh store; <paramref name="environment"/> and <paramref name="stdin"/> are what <c>import</c> sees.</summary>
    public IssuesCli(IReadOnlyDictionary<string, string?>? environment = null, Func<Stream>? stdin = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "businessops-issues-cli-" + Guid.NewGuid().ToString("N"));
        StorePath = Path.Combine(Root, "ops.db");
        var store = new Option<string?>("--store") { Recursive = true, Description = "Path of the local store." };
        _root = new RootCommand("coordinator") { store };
        _root.Add(IssuesCommand.Create(store, Clock, environment ?? new Dictionary<string, string?>(), stdin ?? (() => Stream.Null)));
    }

    public string Root { get; }

    public string StorePath { get; }

    public FakeTimeProvider Clock { get; } = new(Some.Epoch);

    public Task<CliRun> RunAsync(params string[] args) => RunExactlyAsync(["--store", StorePath, .. args]);

    /// <summary>Runs <paramref name="args"/> as given, without this CLI's <c>--store</c> (e.g. <c>--store github</c>).</summary>
    public async Task<CliRun> RunExactlyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = _root.Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Creates the (empty) store file: a store named with --store must exist for every command but 'file'.</summary>
    public void CreateStore() => OpenStore().Dispose();

    /// <summary>The store itself, for arranging what the CLI cannot produce (bot comments with markers).</summary>
    public SqliteIssueStore OpenStore(string actor = BotIdentity.Login) => SqliteIssueStore.Open(StorePath, actor, Clock);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
