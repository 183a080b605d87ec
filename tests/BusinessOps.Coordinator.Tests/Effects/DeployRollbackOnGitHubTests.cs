using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Coordinator.Tests.Storms;
using BusinessOps.Core.Policies;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Effects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary>
/// Issue 11, devops: "the rollback effect when a status fails". The real devops agent's plan on the fake GitHub, its
/// deploy sent to a loopback webhook receiver that refuses it: the deployment gets its <c>failure</c> status, the rollback
/// goes through the same endpoint exactly once, and the issue ends failed with the reason. Reruns send nothing more.
/// </summary>
public sealed class DeployRollbackOnGitHubTests
{
    private const string SecretEnv = "DEPLOY_WEBHOOK_SECRET";
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Theory]
    [InlineData(503)]
    [InlineData(422)]
    public async Task RunOnce_DeployRefused_FailureStatusOneRollbackAndTheIssueFailedWithTheReason(int refusal)
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var receiver = await DeployReceiver.StartAsync(refusal);
        var server = github.Server;
        var body = "### Service\n\nbilling-api\n\n### Version\n\n2.4.1\n\n### Previous version\n\n2.4.0\n\n### Environment\n\nstaging\n\n### Ref\n\nmain\n";
        var n = server.SeedIssue("Deploy billing-api 2.4.1 to staging", body, ["dev/deploy", "priority/P2"], author: "dana");
        var policies = Armed(github.Policies, receiver);
        var agents = new InProcessAgents(new FakeTimeProvider(), TimeSpan.Zero);

        for (var pass = 0; pass < 4 && !server.GetIssue(n)!.Labels.Contains("status/failed"); pass++)
        {
            await PassAsync(github, agents, policies);
        }

        Assert.Equal(["deployment.requested", "deployment.rollback"], receiver.Events);
        var deployment = Assert.Single(server.Deployments);
        Assert.Equal(["in_progress", "failure"], deployment.Statuses.Select(s => s.State));
        var issue = server.GetIssue(n)!;
        Assert.Contains("status/failed", issue.Labels);
        var note = Assert.Single(issue.Comments, c => c.Body.Contains("The approved plan stopped", StringComparison.Ordinal));
        Assert.Contains(refusal.ToString(System.Globalization.CultureInfo.InvariantCulture), note.Body, StringComparison.Ordinal);
        Assert.Contains("on failure, e4, e5 done", note.Body, StringComparison.Ordinal);
        if (refusal < 500)
        {
            // A 4xx is final: an excerpt of the receiver's answer reaches the issue.
            Assert.Contains("cluster unavailable", note.Body, StringComparison.Ordinal);
        }

        // Reruns: the rollback is not sent again, nothing is retried on its own.
        await PassAsync(github, agents, policies);
        await PassAsync(github, agents, policies);

        Assert.Equal(2, receiver.Events.Count);
        Assert.Equal(2, Assert.Single(server.Deployments).Statuses.Count);
        Assert.Contains("status/failed", server.GetIssue(n)!.Labels);
    }

    // Full-auto, so the staging deploy (L2: it reaches outside) runs without an approver; the deploy endpoint is the receiver.
    private static PolicySet Armed(PolicySet policies, DeployReceiver receiver)
    {
        var endpoint = new WebhookEndpoint("deploy", receiver.Url, null, SecretEnv, WebhookFormat.Standard);
        var webhook = policies.Connectors.Webhook with { Enabled = true, Retries = 0, Endpoints = [endpoint] };
        return policies with
        {
            Autonomy = policies.Autonomy with { Mode = AutonomyMode.FullAuto },
            Connectors = policies.Connectors with { Webhook = webhook },
        };
    }

    private static async Task<PassResult> PassAsync(GitHubScenario github, InProcessAgents agents, PolicySet policies)
    {
        using var store = new GitHubIssueStore(github.Options(), github.Clock);
        // The webhook's timeout runs on a clock of its own: the scenario's clock jumps ahead whenever anything waits on it.
        var webhookClock = new FakeTimeProvider(github.Clock.GetUtcNow());
        var options = new ConnectorOptions(name => name == SecretEnv ? Secret : null, webhookClock, LocalExecutor: true, new GitHubEffectConnector(store));
        using var connectors = ConnectorSet.Create(policies.Connectors, options);
        return await new Reconciler(store, agents, policies, github.Clock, new ReconcileOptions(1), Log.Quiet, effects: connectors.Router).RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A deploy endpoint on loopback Kestrel: refuses <c>deployment.requested</c> with the given status, accepts the rest; the events in order.</summary>
    private sealed class DeployReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<string> _events = new();

        private DeployReceiver(WebApplication app) => _app = app;

        public IReadOnlyList<string> Events => [.. _events];

        public Uri Url { get; private set; } = null!;

        public static async Task<DeployReceiver> StartAsync(int refusal)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new DeployReceiver(app);
            app.Run(async context =>
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var name = document.RootElement.GetProperty("type").GetString() ?? "?";
                receiver._events.Enqueue(name);
                context.Response.StatusCode = name == "deployment.requested" ? refusal : 200;
                await context.Response.WriteAsync(name == "deployment.requested" ? "{\"error\":\"cluster unavailable\"}" : "{\"ok\":true}");
            });
            await app.StartAsync();
            receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/deploy");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
