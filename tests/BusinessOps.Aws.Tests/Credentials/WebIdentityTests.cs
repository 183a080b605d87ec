using BusinessOps.Aws.Credentials;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Credentials;

public sealed class WebIdentityTests
{
    [Fact]
    public async Task WebIdentity_OidcTokenFile_AssumesTheRoleThroughStsAndSignsWithTheSessionToken()
    {
        await using var sts = await FakeStsServer.StartAsync();
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.ExpectedSessionToken = sts.SessionToken;
        var tokenFile = Path.Combine(Path.GetTempPath(), $"oidc-{Guid.NewGuid():N}.jwt");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.github-oidc.sig");

        // The SDK's STS client reads its endpoint and region from the process environment (AWS_ENDPOINT_URL_STS is the
        // SDK-standard override); only this test sets them.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", sts.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_REGION", FakeAwsServer.Region);
        try
        {
            var env = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/businessops-coordinator",
                ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
            };
            Assert.True(CredentialSourceFactory.TryCreate(env, out var source, out var error), error);

            var keys = await source!.GetAsync(CancellationToken.None);
            var executor = aws.NewExecutor(source);
            var outcome = await executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

            Assert.Equal(new AwsCredentials(FakeAwsServer.AccessKeyId, FakeAwsServer.SecretAccessKey, sts.SessionToken), keys);
            var call = Assert.Single(sts.Requests);
            Assert.Equal("arn:aws:iam::123456789012:role/businessops-coordinator", call["RoleArn"]);
            Assert.Equal("eyJhbGciOiJSUzI1NiJ9.github-oidc.sig", call["WebIdentityToken"]);
            Assert.Equal("businessops-coordinator", call["RoleSessionName"]);
            Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", null);
            Environment.SetEnvironmentVariable("AWS_REGION", null);
            File.Delete(tokenFile);
        }
    }
}
