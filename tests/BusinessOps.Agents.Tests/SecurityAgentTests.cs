using System.Text.Json;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Security;
using BusinessOps.Core.Labels;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class SecurityAgentTests
{
    // Token-shaped test values are assembled at runtime so the repository holds no secret-looking literal.
    private static readonly string AwsKeyId = "AKIA" + "Z7QW3ERT5YUI9OPA";
    private static readonly string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
    private static readonly string GhToken = "gh" + "p_" + "0123456789abcdefghijABCDEFGHIJ012345";
    private static readonly string FineGrained = "github" + "_pat_" + "11ABCDEFG0123456789_abcdefghijKLMNOP";
    private static readonly string Slack = "xo" + "xb-" + "1234567890-abcdefghij";
    private static readonly string Pem = "-----BEGIN RSA " + "PRIVATE KEY-----";

    [Fact]
    public void Scan_AllKinds_FoundWithSeverities()
    {
        var content = string.Join('\n',
            "aws_access_key_id = " + AwsKeyId,
            "aws_secret_access_key = " + AwsSecret,
            "token: " + GhToken,
            "pat=" + FineGrained,
            "slack " + Slack,
            Pem,
            "MIIEowIBAAKCAQEA",
            "password = \"Xk9#mQ2$vLp7@Rw4\"");

        var report = SecretScanner.Scan(content);

        Assert.Equal(
            ["aws-access-key-id", "aws-secret-access-key", "github-token", "github-token", "slack-token", "private-key", "high-entropy-assignment"],
            report.Findings.Select(f => f.Kind));
        Assert.Equal([1, 2, 3, 4, 5, 6, 8], report.Findings.Select(f => f.Line));
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public void Scan_LowEntropyPasswordAndProse_NoFindings()
    {
        var report = SecretScanner.Scan("password = aaaaaaaaaaaaaaaa\nSet the token through an environment variable.\nAKIA is the prefix of AWS key ids.");

        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
    }

    [Fact]
    public void Scan_OneCriticalOneMedium_ScoreFifty()
    {
        var report = SecretScanner.Scan(AwsKeyId + "\napi_key=Zq8vN2xK7pL4mR9tW3yB");

        Assert.Equal(50, report.Score);
    }

    [Fact]
    public async Task RunAsync_Secrets_RedactedEverywhereInResultJson()
    {
        var body = FormBody.Of(("Content", "```\naws_access_key_id = " + AwsKeyId + "\naws_secret_access_key = " + AwsSecret + "\ntoken " + GhToken + "\n```"));

        var run = await Agents.RunAsync(AgentNames.Security, body);
        var json = JsonSerializer.Serialize(run.Result, CoreJson.Default.AgentResult);

        Assert.Equal(3, run.Num("findingCount"));
        Assert.Equal(0, run.Num("score"));
        Assert.DoesNotContain(AwsKeyId, json, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(GhToken[4..], json, StringComparison.Ordinal);
        Assert.Contains("AKIA****", json, StringComparison.Ordinal);
        Assert.Contains("wJal****", json, StringComparison.Ordinal);
        Assert.Contains("ghp_****", json, StringComparison.Ordinal);
        Assert.Equal(Core.Results.Impact.High, run.Result.Classification!.Impact);
    }

    [Fact]
    public void Redact_ShortValue_ShowsNothing()
    {
        Assert.Equal("****", SecretScanner.Redact("abc"));
        Assert.Equal("ghp_****", SecretScanner.Redact(GhToken));
    }
}
