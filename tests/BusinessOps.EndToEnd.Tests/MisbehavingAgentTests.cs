using System.Text.Json;
using Xunit;

namespace BusinessOps.EndToEnd.Tests;

/// <summary>
/// Agents that crash, hang, print garbage or flood stdout are failed attempts with a clear comment — never a
/// coordinator crash. The fake agents are shell scripts found through BUSINESSOPS_AGENTS_DIR, run one process per issue
/// (<c>local.warm: false</c>, the command-line contract); warm workers that misbehave: WarmWorkerTests.
/// </summary>
[Collection("processes")]
public sealed class MisbehavingAgentTests
{
    [Theory]
    [InlineData("exit 3", "crashed with exit code 3")]
    [InlineData("echo 'this is not json'", "not JSON")]
    [InlineData("head -c 10485760 /dev/zero | tr '\\0' x", "more than 1024 KB")]
    [InlineData("sleep 600", "did not finish within 2 s")]
    public async Task Run_MisbehavingAgent_FailedAttemptWithClearComment(string script, string expected)
    {
        using var c = new Coordinator();
        await c.InstallAgentAsync("ai-qa-agent", script);
        var policies = await ShortTimeoutPoliciesAsync(c.Root);
        await c.FileAsync("QA the release", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");

        var run = await c.WithStoreAsync("run", "--once", "--json", "--policies", policies);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("dispatched").GetInt32());
        var issue = await c.ShowAsync(1);
        Assert.Contains("status/failed", Labels.Of(issue));
        Assert.Contains(Labels.Comments(issue), b => b.Contains(expected, StringComparison.Ordinal));
    }

    private static async Task<string> ShortTimeoutPoliciesAsync(string root)
    {
        var dir = Path.Combine(root, "policies");
        Directory.CreateDirectory(dir);
        // The whole folder: schedules name the workflows in policies/workflows/, agents read templates and knowledge.
        foreach (var file in Directory.GetFiles(Coordinator.ShippedPolicies, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(Coordinator.ShippedPolicies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var dispatch = Path.Combine(dir, "dispatch.yml");
        var text = await File.ReadAllTextAsync(dispatch);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"timeout:\s*\S+", "timeout: 2s");
        await File.WriteAllTextAsync(dispatch, System.Text.RegularExpressions.Regex.Replace(text, @"warm:\s*\S+", "warm: false"));
        return dir;
    }
}
