using System.Text.Json;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Connectors.Webhooks;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Connectors.Tests.Webhooks;

public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private static readonly Func<string, string?> Env = Samples.Env(("PAYABLES_SECRET", WebhookReceiver.Secret), ("CHAT_URL", string.Empty));
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Perform_Payment_ReceiverVerifiesSignatureAndGetsTheInstructionWithTheKeyAsWebhookId()
    {
        var connector = Connector();

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        var delivery = Assert.Single(_receiver.Processed.Values);
        Assert.Equal(Samples.Key().ToString(), delivery.WebhookId);
        Assert.Equal(delivery.WebhookId, delivery.IdempotencyKey);
        Assert.Equal("payables 200: dlv_1", outcome.Reference);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("payment.instruction", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("6000.00", data.GetProperty("amount").GetRawText());
        Assert.Equal("INV-7", data.GetProperty("invoiceNumber").GetString());
        Assert.Equal("2026-12-31", data.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Perform_SameKeyTwice_ReceiverDropsTheRepeat()
    {
        var connector = Connector();
        var request = Samples.Request(Samples.Payment());

        var first = await connector.PerformAsync(request, CancellationToken.None);
        var second = await connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, first.Status);
        Assert.Equal(EffectStatus.Done, second.Status);
        Assert.Single(_receiver.Processed);
        Assert.Equal(1, _receiver.Duplicates);
        Assert.Equal(first.Reference, second.Reference);
    }

    [Fact]
    public async Task Perform_TimestampOutsideReplayWindow_ReceiverRejectsAndEffectFailsPermanentlyWithExcerpt()
    {
        var stale = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        var connector = Connector(clock: stale);

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("answered 400", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("timestamp too old", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_receiver.Processed);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Perform_WrongSecret_ReceiverRejectsTheSignature()
    {
        var other = Samples.Env(("PAYABLES_SECRET", "whsec_" + Convert.ToBase64String(new byte[32])));
        var connector = Connector(environment: other);

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.Contains("No matching signature", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, _receiver.Rejected);
    }

    [Fact]
    public async Task Perform_ServerErrorsThenSuccess_RetriesWithTheSameIdAndSucceeds()
    {
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(503, "busy"));
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(500, "oops"));
        var connector = Connector();

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal(3, _receiver.Requests);
        Assert.Single(_receiver.Processed);
    }

    [Fact]
    public async Task Perform_ServerErrorsEveryTime_FailsTransientlyAfterAllAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _receiver.Script.Enqueue(new WebhookReceiver.Reply(502, "bad gateway"));
        }

        var outcome = await Connector().PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Contains("answered 502", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(3, _receiver.Requests);
    }

    [Fact]
    public async Task Perform_ClientError_NotRetriedAndFailsWithBodyExcerpt()
    {
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(422, "{\"error\":\"vendor Acme Supplies is not on the approved vendor list\"}"));

        var outcome = await Connector().PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("answered 422", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("not on the approved vendor list", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Perform_TooManyRequests_FailsButNotPermanently()
    {
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(429, "slow down"));

        var outcome = await Connector().PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Perform_FirstAttemptTimesOutButArrived_RetryIsDroppedAsRepeatAndEffectIsDone()
    {
        // The receiver processes the first delivery only after the connector gave up on it, and before the retry arrives.
        // Margins are wide (a 1 s timeout on loopback) so a loaded CI machine cannot time the retry out as well.
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(200, Delay: TimeSpan.FromMilliseconds(1500), Process: true));
        var policy = Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl)) with { Timeout = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromMilliseconds(1500) };

        var outcome = await Connector(policy).PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Single(_receiver.Processed);
        Assert.Equal(1, _receiver.Duplicates);
    }

    [Fact]
    public async Task Perform_EveryAttemptTimesOut_OutcomeIsUnknownNotFailed()
    {
        for (var i = 0; i < 3; i++)
        {
            _receiver.Script.Enqueue(new WebhookReceiver.Reply(200, Delay: TimeSpan.FromSeconds(3)));
        }

        var policy = Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl)) with { Timeout = TimeSpan.FromMilliseconds(150) };

        var outcome = await Connector(policy).PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Unknown, outcome.Status);
        Assert.Contains("did not answer", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_NothingListening_FailsTransientlyWithoutRetrying()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/hooks");
        var connector = Connector(Samples.Webhooks(Samples.Endpoint("payables", closed)));

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Contains("nothing was delivered", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_Redirect_NotFollowed()
    {
        _receiver.Script.Enqueue(new WebhookReceiver.Reply(308, string.Empty));

        var outcome = await Connector().PerformAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("not redirected", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Perform_SlackEndpoint_PostsEscapedTextBody()
    {
        var chat = new WebhookEndpoint("team-chat", null, "CHAT_URL", null, WebhookFormat.Slack);
        var env = Samples.Env(("CHAT_URL", _receiver.SlackUrl.AbsoluteUri));
        var connector = new WebhookConnector(Samples.Webhooks(chat), env, _http, TimeProvider.System);

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Chat("team-chat", "Weekly KPIs <!channel> & friends")), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        var body = Assert.Single(_receiver.ChatMessages);
        Assert.Equal("Weekly KPIs &lt;!channel&gt; &amp; friends", JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Check_WithCheckUrl_TellsDeliveredFromNotDelivered()
    {
        var policy = Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl, _receiver.CheckUrl));
        var connector = Connector(policy);
        var sent = Samples.Request(Samples.Payment(), index: 1);
        var unsent = Samples.Request(Samples.Payment(), index: 2);
        await connector.PerformAsync(sent, CancellationToken.None);

        var delivered = await connector.CheckAsync(sent, CancellationToken.None);
        var missing = await connector.CheckAsync(unsent, CancellationToken.None);

        Assert.Equal(EffectPresence.Performed, delivered.Presence);
        Assert.Contains("dlv_1", delivered.Reference, StringComparison.Ordinal);
        Assert.Equal(EffectPresence.NotPerformed, missing.Presence);
    }

    [Fact]
    public async Task Check_WithoutCheckUrl_CannotTell()
    {
        var check = await Connector().CheckAsync(Samples.Request(Samples.Payment()), CancellationToken.None);

        Assert.Equal(EffectPresence.CannotTell, check.Presence);
        Assert.Contains("checkUrl", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_SecretVariableNotSet_SaysWhichVariableInOneLine()
    {
        var connector = new WebhookConnector(Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl)), Samples.Env(), _http, TimeProvider.System);

        var problem = connector.Unavailable(Samples.Payment());

        Assert.Equal("webhook endpoint 'payables': the environment variable PAYABLES_SECRET (its whsec_ signing secret) is not set", problem);
        Assert.DoesNotContain('\n', problem!);
    }

    [Fact]
    public void Unavailable_SecretNotInWhsecForm_SaysSoWithoutEchoingIt()
    {
        var connector = new WebhookConnector(Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl)), Samples.Env(("PAYABLES_SECRET", "hunter2-not-a-secret")), _http, TimeProvider.System);

        var problem = connector.Unavailable(Samples.Payment());

        Assert.Contains("not a Standard Webhooks secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_UnknownEndpoint_FailsPermanentlyWithoutSending()
    {
        var outcome = await Connector().PerformAsync(Samples.Request(Samples.Payment("payabels")), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("no webhook endpoint named 'payabels'", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.Requests);
    }

    private WebhookConnector Connector(WebhookConnectorPolicy? policy = null, TimeProvider? clock = null, Func<string, string?>? environment = null) =>
        new(policy ?? Samples.Webhooks(Samples.Endpoint("payables", _receiver.HookUrl)), environment ?? Env, _http, clock ?? TimeProvider.System);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
