using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reports.Dashboard;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>
/// The dashboard on the fake GitHub, pass by pass: each pass is a new run (a new store on the shared cache, as an
/// Actions job), lists the open issues as the reconcile pass does, then updates the dashboard; what the update sent
/// is counted from the server's request log.
/// </summary>
internal sealed class DashboardHarness : IAsyncDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("bo-dashboard-").FullName;

    private DashboardHarness(AutoAdvanceClock clock, FakeGitHubServer server)
    {
        Clock = clock;
        Server = server;
    }

    public AutoAdvanceClock Clock { get; }

    public FakeGitHubServer Server { get; }

    public AlertsPolicy Alerts { get; set; } = AlertsPolicy.Default with { OnCall = ["oncall-ann"] };

    /// <summary>Where alerts are delivered besides the dashboard (webhook, email); null: nowhere.</summary>
    public IAlertSink? Sink { get; set; }

    public static async Task<DashboardHarness> StartAsync()
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeGitHubServer.StartAsync(clock, "acme/ops");
        server.PrimaryLimit = int.MaxValue;
        return new DashboardHarness(clock, server);
    }

    /// <summary>One run: the pass's listing, then the dashboard update; returns the update's outcome and the requests it sent.</summary>
    public async Task<(DashboardOutcome Outcome, IReadOnlyList<FakeRequest> Requests)> PassAsync(AlertSignals? signals = null)
    {
        var options = new GitHubOptions
        {
            Owner = Server.Owner,
            Repository = Server.Repository,
            ApiUrl = Server.BaseUrl,
            Token = Server.Token,
            Identity = Server.Login,
            CacheDirectory = _cache,
            RequestTimeout = TimeSpan.FromSeconds(30),
            RunBudget = TimeSpan.FromDays(7),
        };
        using var store = new GitHubIssueStore(options, Clock);
        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var before = Server.Requests.Count;
        var policies = PolicySet.Default with { Identity = Server.Login, Repository = Server.Owner + "/" + Server.Repository };
        var updater = new DashboardUpdater(ScrubbingIssueStore.Wrap(store, SecretMasker.Process), store, policies, Alerts, new TemplateRenderer(null), Clock, Log.Quiet, Sink);
        var outcome = await updater.UpdateAsync(signals ?? AlertSignals.None, CancellationToken.None);
        return (outcome, [.. Server.Requests.Skip(before)]);
    }

    /// <summary>Removes <paramref name="label"/> from <paramref name="issue"/> as a person would, through the API.</summary>
    public async Task RemoveLabelAsync(int issue, string label)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"repos/{Server.Owner}/{Server.Repository}/issues/{issue}/labels/{Uri.EscapeDataString(label)}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.Token);
        request.Headers.UserAgent.ParseAdd("tests");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }
}
