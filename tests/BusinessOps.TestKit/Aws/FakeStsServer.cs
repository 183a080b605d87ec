using System.Net;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Fake AWS STS answering <c>AssumeRoleWithWebIdentity</c> (awsQuery protocol, XML) with the fake AWS's test keys
/// and a session token, so the web-identity credential path (GitHub Actions OIDC) runs end to end on loopback.
/// </summary>
public sealed class FakeStsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyDictionary<string, string>> _requests = [];

    private FakeStsServer(WebApplication app, string sessionToken)
    {
        _app = app;
        SessionToken = sessionToken;
        app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public string SessionToken { get; }

    /// <summary>Form fields of every request received (Action, RoleArn, RoleSessionName, WebIdentityToken, …).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeStsServer> StartAsync(string sessionToken = "FwoGZXIvYXdzWEBIDENTITYTOKEN", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = new FakeStsServer(builder.Build(), sessionToken);
        await server._app.StartAsync(cancellationToken);
        server.Endpoint = new Uri(server._app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var fields = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_gate)
        {
            _requests.Add(fields);
        }

        context.Response.ContentType = "text/xml";
        if (!fields.TryGetValue("Action", out var action) || action != "AssumeRoleWithWebIdentity" || !fields.ContainsKey("WebIdentityToken") || !fields.TryGetValue("RoleArn", out var roleArn))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(
                "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>expected AssumeRoleWithWebIdentity</Message></Error><RequestId>1</RequestId></ErrorResponse>",
                context.RequestAborted);
            return;
        }

        var role = SecurityElement.Escape(roleArn);
        await context.Response.WriteAsync(
            $"""
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleWithWebIdentityResult>
                <SubjectFromWebIdentityToken>repo:acme/shop:ref:refs/heads/main</SubjectFromWebIdentityToken>
                <Audience>sts.amazonaws.com</Audience>
                <AssumedRoleUser>
                  <Arn>{role}/session</Arn>
                  <AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <SessionToken>{SessionToken}</SessionToken>
                  <SecretAccessKey>{FakeAwsServer.SecretAccessKey}</SecretAccessKey>
                  <Expiration>2099-01-01T00:00:00Z</Expiration>
                  <AccessKeyId>{FakeAwsServer.AccessKeyId}</AccessKeyId>
                </Credentials>
                <Provider>token.actions.githubusercontent.com</Provider>
              </AssumeRoleWithWebIdentityResult>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </AssumeRoleWithWebIdentityResponse>
            """,
            context.RequestAborted);
    }
}
