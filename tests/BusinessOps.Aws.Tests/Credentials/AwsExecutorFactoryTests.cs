using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Credentials;

public sealed class AwsExecutorFactoryTests
{
    [Fact]
    public async Task TryCreate_EnvironmentPointingAtTheFake_DispatchesEndToEnd()
    {
        var clock = new AutoAdvanceClock();
        await using var server = await FakeAwsServer.StartAsync(clock);

        var created = AwsExecutorFactory.TryCreate(server.Environment(), DispatchPolicy.Default, clock, out var executor, out var error);

        Assert.True(created, error);
        var outcome = await executor!.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);
        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Single(server.Jobs);
    }

    [Fact]
    public void TryCreate_NoRegion_FailsSayingToSetAwsRegion()
    {
        var env = Env(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "secret"));

        Assert.False(AwsExecutorFactory.TryCreate(env, DispatchPolicy.Default, TimeProvider.System, out var executor, out var error));
        Assert.Null(executor);
        Assert.Contains("AWS_REGION", error, StringComparison.Ordinal);
        Assert.Contains("--executor local", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_NoCredentialsAnywhere_FailsListingTheWaysToProvideThem()
    {
        var env = Env(("AWS_REGION", "eu-west-1"), ("HOME", Path.Combine(Path.GetTempPath(), "no-such-home-" + Guid.NewGuid())));

        Assert.False(AwsExecutorFactory.TryCreate(env, DispatchPolicy.Default, TimeProvider.System, out _, out var error));
        Assert.Equal(CredentialSourceFactory.MissingMessage, error);
        Assert.Contains("AWS_ACCESS_KEY_ID", error, StringComparison.Ordinal);
        Assert.Contains("AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE")]
    public void TryCreate_HalfAPair_FailsNamingBothVariables(string present, string missing)
    {
        var env = Env(("AWS_REGION", "us-east-1"), (present, "x"));

        Assert.False(AwsExecutorFactory.TryCreate(env, DispatchPolicy.Default, TimeProvider.System, out _, out var error));
        Assert.Contains(present, error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_WebIdentity_CreatesWithoutAnyNetworkCall()
    {
        var env = Env(("AWS_REGION", "us-east-1"), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/coordinator"), ("AWS_WEB_IDENTITY_TOKEN_FILE", "/tmp/token"));

        Assert.True(CredentialSourceFactory.TryCreate(env, out var source, out var error), error);
        Assert.Contains("web identity", source!.Description, StringComparison.Ordinal);
        Assert.True(AwsExecutorFactory.TryCreate(env, DispatchPolicy.Default, TimeProvider.System, out _, out _));
    }

    [Theory]
    [InlineData("AWS_PROFILE", "ops", "shared profile 'ops'")]
    [InlineData("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x", "container role")]
    [InlineData("BUSINESSOPS_AWS_INSTANCE_ROLE", "true", "EC2 instance role")]
    public void TryCreate_OtherStandardSources_AreRecognised(string variable, string value, string description)
    {
        var env = Env(("AWS_REGION", "us-east-1"), (variable, value), ("HOME", "/nonexistent"));

        Assert.True(CredentialSourceFactory.TryCreate(env, out var source, out _));
        Assert.Contains(description, source!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryCreate_EnvironmentKeysWithSessionToken_PassesTheTokenThrough()
    {
        var env = Env(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "secret"), ("AWS_SESSION_TOKEN", "tok"));

        Assert.True(CredentialSourceFactory.TryCreate(env, out var source, out _));
        var keys = await source!.GetAsync(CancellationToken.None);
        Assert.Equal(new AwsCredentials("AKID", "secret", "tok"), keys);
        Assert.DoesNotContain("secret", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_EndpointOverrides_ServiceSpecificBeatsShared()
    {
        var env = Env(("AWS_REGION", "eu-central-1"), ("AWS_ENDPOINT_URL", "http://localhost:4566"), ("AWS_ENDPOINT_URL_BATCH", "http://batch.local:9000"));

        Assert.True(AwsSettings.TryFromEnvironment(env, out var settings, out _));
        Assert.Equal(new Uri("http://localhost:4566"), settings!.LambdaEndpoint);
        Assert.Equal(new Uri("http://batch.local:9000"), settings.BatchEndpoint);
    }

    [Fact]
    public void FromEnvironment_NoOverrides_UsesRegionalEndpointsAndDefaultRegionFallback()
    {
        Assert.True(AwsSettings.TryFromEnvironment(Env(("AWS_DEFAULT_REGION", "ap-southeast-2")), out var settings, out _));
        Assert.Equal(new Uri("https://lambda.ap-southeast-2.amazonaws.com"), settings!.LambdaEndpoint);
        Assert.Equal(new Uri("https://batch.ap-southeast-2.amazonaws.com"), settings.BatchEndpoint);
    }

    [Theory]
    [InlineData("AWS_REGION", "us east 1", "not a region name")]
    [InlineData("AWS_ENDPOINT_URL", "ftp://x", "not an http(s) URL")]
    public void FromEnvironment_BadValues_AreRejectedWithTheReason(string variable, string value, string reason)
    {
        var env = Env(("AWS_REGION", "us-east-1"), (variable, value));

        Assert.False(AwsSettings.TryFromEnvironment(env, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    /// <summary>Later pairs override earlier ones, like re-exporting a variable.</summary>
    private static Dictionary<string, string?> Env(params (string Name, string Value)[] pairs)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            env[name] = value;
        }

        return env;
    }
}
