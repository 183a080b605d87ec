using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Policies;
using BusinessOps.TestKit;

namespace BusinessOps.Connectors.Tests.Policies;

public sealed class ConnectorsPolicyLoadTests
{
    [Fact]
    public void LoadConnectors_ShippedFile_ValidAndOnlyGitHubEnabled()
    {
        var result = PolicyLoader.LoadConnectors(Path.Combine(NpmTools.RepositoryRoot(), "policies"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Policy.GitHub.Enabled);
        Assert.False(result.Policy.Webhook.Enabled);
        Assert.False(result.Policy.Email.Enabled);
        Assert.False(result.Policy.Command.Enabled);
        Assert.Equal("BUSINESSOPS_PAYABLES_WEBHOOK_SECRET", result.Policy.Webhook.Find("payables")!.SecretEnv);
    }

    [Fact]
    public void LoadConnectors_MissingFile_DefaultWithNote()
    {
        var dir = Directory.CreateTempSubdirectory("businessops-policies-");
        try
        {
            var result = PolicyLoader.LoadConnectors(dir.FullName);

            Assert.True(result.IsValid);
            Assert.Equal(ConnectorsPolicy.Default.Webhook, result.Policy.Webhook);
            Assert.Contains("connectors.yml not found: using the embedded default", result.Notes);
        }
        finally
        {
            dir.Delete();
        }
    }

    [Fact]
    public void Load_FullConfiguration_Bound()
    {
        var result = PolicyLoader.LoadConnectorsFromText("""
            webhook:
              enabled: true
              timeout: 5s
              retries: 2
              retryDelay: 1s
              endpoints:
                payables:
                  url: https://pay.example.com/hook
                  secretEnv: PAY_SECRET
                  checkUrl: https://pay.example.com/deliveries/{key}
                team-chat:
                  urlEnv: CHAT_URL
                  format: slack
            email:
              enabled: true
              host: smtp.example.com
              from: Ops <ops@example.com>
              usernameEnv: SMTP_USER
              passwordEnv: SMTP_PASSWORD
            command:
              enabled: true
              commands:
                deploy:
                  program: ./scripts/deploy.sh
                  args: [--env, prod]
                  timeout: 10m
                  environment: [DEPLOY_TOKEN]
                  checkable: true
            impacts:
              github.comment: [customer-facing]
              webhook.chat: []
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var p = result.Policy;
        Assert.Equal(TimeSpan.FromSeconds(5), p.Webhook.Timeout);
        Assert.Equal(WebhookFormat.Slack, p.Webhook.Find("team-chat")!.Format);
        Assert.Equal("CHAT_URL", p.Webhook.Find("team-chat")!.UrlEnv);
        Assert.Equal(SmtpSecurity.StartTls, p.Email.Security);
        Assert.Equal(["--env", "prod"], p.Command.Find("deploy")!.Arguments);
        Assert.True(p.Command.Find("deploy")!.Checkable);
        Assert.Equal(EffectImpact.CustomerFacing, p.Impacts[EffectKinds.GitHubComment]);
        Assert.Equal(EffectImpact.None, p.Impacts[EffectKinds.WebhookChat]);
    }

    [Theory]
    [InlineData("webhook:\n  endpoints:\n    payables:\n      url: https://pay.example.com\n      secretEnv: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", "connectors.yml:5:18: 'secretEnv' must be the NAME of an environment variable")]
    [InlineData("webhook:\n  endpoints:\n    payables:\n      url: http://pay.example.com\n      secretEnv: PAY\n", "connectors.yml:4:12: 'url' must be an https URL")]
    [InlineData("webhook:\n  endpoints:\n    payables:\n      url: https://user:pw@pay.example.com\n      secretEnv: PAY\n", "must not carry a user name or password")]
    [InlineData("webhook:\n  endpoints:\n    payables:\n      url: https://pay.example.com\n", "needs 'secretEnv'")]
    [InlineData("webhook:\n  endpoints:\n    Payables:\n      url: https://pay.example.com\n      secretEnv: PAY\n", "endpoint name 'Payables' must be lower-case")]
    [InlineData("webhook:\n  endpoints:\n    payables:\n      url: https://pay.example.com\n      secretEnv: PAY\n      checkUrl: https://pay.example.com/deliveries\n", "must contain {key}")]
    [InlineData("email:\n  enabled: true\n  host: smtp.example.com\n  from: ops@example.com\n  security: none\n", "allowed only for a loopback host")]
    [InlineData("email:\n  enabled: true\n  host: smtp.example.com\n", "needs 'host' (the SMTP server) and 'from'")]
    [InlineData("email:\n  usernameEnv: SMTP_USER\n", "both 'usernameEnv' and 'passwordEnv'")]
    [InlineData("impacts:\n  github.lables: [external]\n", "unknown key 'github.lables' in 'impacts' (did you mean 'github.labels'?)")]
    [InlineData("impacts:\n  github.labels: [expensive]\n", "must be one of financial, customer-facing, external, irreversible")]
    [InlineData("webhok:\n  enabled: true\n", "unknown key 'webhok' at the top level (did you mean 'webhook'?)")]
    [InlineData("command:\n  commands:\n    deploy:\n      args: [x]\n", "is missing the required key 'program'")]
    public void Load_BadInput_ClearErrorWithFileAndLine(string yaml, string expected)
    {
        var result = PolicyLoader.LoadConnectorsFromText(yaml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
