using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Install;

/// <summary>
/// Issue 11: the shipped <c>connectors.yml</c> leaves the <c>deploy</c>, <c>scaling</c> and <c>email-service</c>
/// endpoints unset; <c>policies validate</c> says so, each with the file, the key and the variable to set.
/// </summary>
public sealed class ConnectorTargetNotesTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PoliciesValidate_ShippedPolicies_ValidAndNotesEachUnsetEndpointWithWhatToAdd()
    {
        var run = await _cli.RunAsync("policies", "validate", "--policies", Path.Combine(NpmTools.RepositoryRoot(), "policies"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var (name, variable) in new[] { ("deploy", "BUSINESSOPS_DEPLOY_WEBHOOK_SECRET"), ("scaling", "BUSINESSOPS_SCALING_WEBHOOK_SECRET"), ("email-service", "BUSINESSOPS_EMAIL_SERVICE_WEBHOOK_SECRET") })
        {
            Assert.Contains($"note: webhook endpoint '{name}' (", run.Error, StringComparison.Ordinal);
            Assert.Contains($"under webhook.endpoints as '{name}: {{url: https://…, secretEnv: {variable}}}', set webhook.enabled: true", run.Error, StringComparison.Ordinal);
        }

        // payables is in the shipped file (webhooks are off, which the plan comment says on its own).
        Assert.DoesNotContain("note: webhook endpoint 'payables'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliciesValidate_BrokenConnectorsFile_AnErrorWithFileAndLine()
    {
        var dir = Path.Combine(_cli.Root, "policies");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "connectors.yml"), "webhook:\n  enabled: true\n  retries: many\n");

        var run = await _cli.RunAsync("policies", "validate", "--policies", dir);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("connectors.yml:3:", run.Error, StringComparison.Ordinal);
    }
}
