using System.Text.Json;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Scrubbing;
using BusinessOps.Logging;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Logging;

/// <summary>The one logging setup: interpolated messages become templates with properties; masking covers every part of an event.</summary>
public sealed class LogTests
{
    [Fact]
    public void Info_InterpolatedMessage_TemplateWithIssueAgentKeyAndAttemptProperties()
    {
        using var writer = new StringWriter();
        var log = new Log(writer, format: LogFormat.Json);
        var issue = new { Number = 12 };
        var d = new { Agent = "ai-qa-agent", Key = "acme/ops#12/a3/plan", Priority = "P1" };

        log.Info($"#{issue.Number} {d.Agent} dispatched ({d.Priority}, {d.Key})");

        var e = JsonDocument.Parse(writer.ToString()).RootElement;
        Assert.Equal("#12 ai-qa-agent dispatched (P1, acme/ops#12/a3/plan)", e.GetProperty("@m").GetString());
        Assert.Equal(12, e.GetProperty("Issue").GetInt32());
        Assert.Equal("ai-qa-agent", e.GetProperty("Agent").GetString());
        Assert.Equal("acme/ops#12/a3/plan", e.GetProperty("Key").GetString());
        Assert.Equal(3, e.GetProperty("Attempt").GetInt32());
    }

    [Fact]
    public void Info_PlainStringWithBraces_LoggedLiterally()
    {
        using var writer = new StringWriter();
        var log = new Log(writer);

        log.Info("marker {\"a\":1} kept");

        Assert.Contains("marker {\"a\":1} kept", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MaskingFormatter_SecretInTemplatePropertiesNestedValuesAndException_AllMasked()
    {
        const string secret = "masking-formatter-secret-42";
        var masker = new SecretMasker();
        masker.Add(secret);
        using var writer = new StringWriter();
        using var logger = Logs.Create(() => writer, LogFormat.Json, verbose: false, masker);

        logger
            .ForContext("Nested", new { Inner = new[] { secret } }, destructureObjects: true)
            .Error(new InvalidOperationException("failed with " + secret), "template " + secret + " {Value} {Map}", secret, new Dictionary<string, string> { [secret] = secret });

        var line = writer.ToString();
        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        Assert.Contains("***", JsonDocument.Parse(line).RootElement.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MaskingFormatter_TextFormat_MaskedToo()
    {
        var masker = new SecretMasker();
        using var writer = new StringWriter();
        using var logger = Logs.Create(() => writer, LogFormat.Text, verbose: true, masker);

        logger.Debug("token {Token}", "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5");

        Assert.Matches(@"^\d\d:\d\d:\d\d DBG token \*\*\*\n$", writer.ToString());
    }

    [Theory]
    [InlineData("issue.Number", "Issue")]
    [InlineData("request.Issue.Number", "Issue")]
    [InlineData("ev.IssueNumber", "Issue")]
    [InlineData("d.Agent", "Agent")]
    [InlineData("pass.examined", "Examined")]
    [InlineData("string.Join(\", \", labels)", null)]
    [InlineData("a + b", null)]
    [InlineData("pass.RetryAt?.ToString()", null)]
    public void PropertyNames_FromExpression(string expression, string? expected)
    {
        Assert.Equal(expected, PropertyNames.From(expression));
    }

    [Theory]
    [InlineData(null, "CI", "true", LogFormat.Json)]
    [InlineData(null, "GITHUB_ACTIONS", "true", LogFormat.Json)]
    [InlineData(null, "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001", LogFormat.Json)]
    [InlineData(null, "HOME", "/root", LogFormat.Text)]
    [InlineData("text", "CI", "true", LogFormat.Text)]
    [InlineData(null, "BUSINESSOPS_LOG_FORMAT", "json", LogFormat.Json)]
    public void LogFormats_Choose(string? requested, string variable, string value, LogFormat expected)
    {
        Assert.Equal(expected, LogFormats.Choose(requested, new Dictionary<string, string?> { [variable] = value }));
    }
}
