using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary><c>policies validate</c> on a copy of the shipped folder with one template broken: each kind is reported with file:line:column and the message.</summary>
public sealed class PoliciesValidateTemplatesTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public PoliciesValidateTemplatesTests()
    {
        Policies = Path.Combine(_cli.Root, "policies");
        Copy(Path.Combine(RepositoryRoot(), "policies"), Policies);
    }

    private string Policies { get; }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Validate_ShippedFolder_NoTemplateProblems()
    {
        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain(".sbn", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qa.sbn")]
    [InlineData("security.sbn")]
    [InlineData("developer.sbn")]
    [InlineData("architect.sbn")]
    [InlineData("devops.sbn")]
    [InlineData("operations.sbn")]
    [InlineData("support.sbn")]
    [InlineData("finance.sbn")]
    public async Task Validate_BrokenAgentTemplate_ErrorWithFileLineColumn(string name)
    {
        await File.WriteAllTextAsync(Path.Combine(Policies, "templates", name), "Hello\n\n  {{ for x in }}\n");

        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Matches($@"(?m)^templates/{name.Replace(".", "\\.", StringComparison.Ordinal)}:3:\d+: \S", run.Error);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("command-help")]
    [InlineData("escalated")]
    [InlineData("sla-breached")]
    [InlineData("plan-not-ready")]
    [InlineData("routing-no-label")]
    [InlineData("client-at-limit")]
    [InlineData("effect-unsure")]
    [InlineData("failure-report-held")]
    public async Task Validate_BrokenCoordinatorTemplate_WarningWithFileLineColumn_FolderStaysValid(string name)
    {
        await File.WriteAllTextAsync(Path.Combine(Policies, "templates", "coordinator", name + ".sbn"), "Hello\n{{ if }}\n");

        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches($@"(?m)^warning: templates/coordinator/{name}\.sbn:2:\d+: \S.*; the built-in wording is used until it is fixed$", run.Error);
    }

    internal static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
