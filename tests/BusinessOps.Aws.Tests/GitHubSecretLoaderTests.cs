using System.Text.Json;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Secrets;
using BusinessOps.TestKit.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BusinessOps.Aws.Tests;

/// <summary>Lambda agents read their GitHub credential from Secrets Manager: a signed GetSecretValue against a loopback fake.</summary>
public sealed class GitHubSecretLoaderTests
{
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:businessops-github-AbCdEf";

    [Fact]
    public async Task LoadAsync_SecretWithToken_ReturnsGitHubKeysFromASignedJson11Call()
    {
        string? problem = null;
        await using var app = await StartAsync(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            problem = SigV4Verifier.Verify(context, body, FakeAwsServer.AccessKeyId, FakeAwsServer.SecretAccessKey, FakeAwsServer.Region, out var service)
                ?? (service != "secretsmanager" ? "service " + service : null)
                ?? (context.Request.Headers["x-amz-target"] != "secretsmanager.GetSecretValue" ? "target" : null)
                ?? (context.Request.ContentType != "application/x-amz-json-1.1" ? "content type " + context.Request.ContentType : null)
                ?? (JsonDocument.Parse(body).RootElement.GetProperty("SecretId").GetString() != Arn ? "secret id" : null);
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { ARN = Arn, SecretString = """{"GITHUB_TOKEN":"ghs_fromsecret","OTHER":"x"}""" }));
        });

        using var http = new HttpClient();
        var keys = await GitHubSecretLoader.LoadAsync(Env(app.Urls.First()), TimeProvider.System, http, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal("ghs_fromsecret", Assert.Single(keys).Value);
    }

    [Fact]
    public async Task LoadAsync_TokenAlreadyInEnvironment_MakesNoCall()
    {
        var env = Env("http://127.0.0.1:1");
        env["GITHUB_TOKEN"] = "ghs_present";
        using var http = new HttpClient();

        Assert.Empty(await GitHubSecretLoader.LoadAsync(env, TimeProvider.System, http, CancellationToken.None));
    }

    [Fact]
    public async Task LoadAsync_SecretNotJson_ActionableError()
    {
        await using var app = await StartAsync(context => context.Response.WriteAsync(JsonSerializer.Serialize(new { SecretString = "ghs_plain_token" })));
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<AwsInvalidRequestException>(() => GitHubSecretLoader.LoadAsync(Env(app.Urls.First()), TimeProvider.System, http, CancellationToken.None));

        Assert.Contains("put {\"GITHUB_TOKEN\"", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_plain_token", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Env(string endpoint) => new()
    {
        [GitHubSecretLoader.Variable] = Arn,
        ["AWS_REGION"] = FakeAwsServer.Region,
        ["AWS_ACCESS_KEY_ID"] = FakeAwsServer.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = FakeAwsServer.SecretAccessKey,
        ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = endpoint,
    };

    private static async Task<WebApplication> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
