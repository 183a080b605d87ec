using BusinessOps.Aws.Secrets;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Aws.Tests.Secrets;

public sealed class LanguageModelKeyTests
{
    private const string Key = "sk-from-secrets-manager";

    [Fact]
    public async Task ResolveAsync_SecretNamed_ReadOnceFromSecretsManagerWithASignedCall()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        env[LanguageModelKey.SecretArnVariable] = server.PutSecret("businessops/openai-api-key", Key);
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Equal(Key, lookup.ApiKey);
        Assert.Null(lookup.Problem);
        var call = Assert.Single(server.Calls, c => c.Operation == "GetSecretValue");
        Assert.Equal(200, call.Status);
        Assert.Equal("secretsmanager", call.Service);
    }

    [Fact]
    public async Task ResolveAsync_KeyAlreadyInTheEnvironment_UsedWithoutCallingAws()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        env[LanguageModelKey.ApiKeyVariable] = "sk-injected-by-batch";
        env[LanguageModelKey.SecretArnVariable] = server.PutSecret("businessops/openai-api-key", Key);
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Equal("sk-injected-by-batch", lookup.ApiKey);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task ResolveAsync_NothingConfigured_NoKeyAndNoProblem()
    {
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(new Dictionary<string, string?>(), http, TimeProvider.System, CancellationToken.None);

        Assert.Same(LanguageModelKeyLookup.None, lookup);
    }

    [Fact]
    public async Task ResolveAsync_AccessDenied_NoKeyAndAProblemNamingTheSecret()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        var arn = server.PutSecret("businessops/openai-api-key", Key);
        env[LanguageModelKey.SecretArnVariable] = arn;
        server.Fail("GetSecretValue", FakeAwsFault.AccessDenied);
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Null(lookup.ApiKey);
        Assert.Contains(arn, lookup.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_SecretMissing_NoKeyAndAProblem()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        env[LanguageModelKey.SecretArnVariable] = $"arn:aws:secretsmanager:{FakeAwsServer.Region}:{FakeAwsServer.Account}:secret:gone-XyZ123";
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Null(lookup.ApiKey);
        Assert.Contains("gone-XyZ123", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_SecretHoldsJson_NoKeyAndAskedForPlainText()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        env[LanguageModelKey.SecretArnVariable] = server.PutSecret("businessops/openai-api-key", """{"OPENAI_API_KEY":"sk-x"}""");
        using var http = new HttpClient();

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Null(lookup.ApiKey);
        Assert.Contains("plain text", lookup.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-x", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NotASecretArn_NoKeyAndNoCall()
    {
        using var http = new HttpClient();
        var env = new Dictionary<string, string?> { [LanguageModelKey.SecretArnVariable] = "businessops/openai-api-key", ["AWS_REGION"] = "us-east-1" };

        var lookup = await LanguageModelKey.ResolveAsync(env, http, TimeProvider.System, CancellationToken.None);

        Assert.Null(lookup.ApiKey);
        Assert.Contains("not a Secrets Manager secret ARN", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_SecretsManagerHangs_GivesUpWithinTheInitBudget()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var env = server.Environment();
        env[LanguageModelKey.SecretArnVariable] = server.PutSecret("businessops/openai-api-key", Key);
        server.Fail("GetSecretValue", FakeAwsFault.Hang);
        var clock = new FakeTimeProvider(Some.Epoch);
        using var http = new HttpClient();

        var lookup = LanguageModelKey.ResolveAsync(env, http, clock, CancellationToken.None);
        await server.WhenCallCountAsync("GetSecretValue", 1);
        clock.Advance(LanguageModelKey.Timeout + TimeSpan.FromSeconds(1));
        var result = await lookup.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(result.ApiKey);
        Assert.Contains("did not answer", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws", "https://secretsmanager.eu-west-1.amazonaws.com/")]
    [InlineData("aws-cn", "https://secretsmanager.eu-west-1.amazonaws.com.cn/")]
    public void Endpoint_NoOverride_TheRegionalEndpointOfThePartition(string partition, string expected)
    {
        Assert.Equal(new Uri(expected), LanguageModelKey.Endpoint(new Dictionary<string, string?>(), "eu-west-1", partition));
    }

    [Fact]
    public void Endpoint_ServiceOverride_WinsOverTheSharedOne()
    {
        var env = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1", ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:2" };

        Assert.Equal(new Uri("http://127.0.0.1:2"), LanguageModelKey.Endpoint(env, "us-east-1", "aws"));
    }
}
