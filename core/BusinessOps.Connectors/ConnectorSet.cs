using BusinessOps.Connectors.Commands;
using BusinessOps.Connectors.Email;
using BusinessOps.Connectors.Webhooks;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;

namespace BusinessOps.Connectors;

/// <summary>
/// Builds the connectors <c>connectors.yml</c> enables and the router over them, and lists in one line each what is
/// enabled but cannot work (a secret variable not set, a bad URL) — for <c>coordinator doctor</c> and the plan comment.
/// </summary>
public sealed class ConnectorSet : IDisposable
{
    private readonly HttpClient? _ownedHttp;

    private ConnectorSet(ConnectorRouter router, IReadOnlyList<string> problems, HttpClient? ownedHttp)
    {
        Router = router;
        Problems = problems;
        _ownedHttp = ownedHttp;
    }

    /// <summary>The connector to hand to <see cref="EffectRunner"/>.</summary>
    public ConnectorRouter Router { get; }

    /// <summary>One line per enabled connector or endpoint that cannot work as configured.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static ConnectorSet Create(ConnectorsPolicy policy, ConnectorOptions options)
    {
        var connectors = new Dictionary<string, IEffectConnector>(StringComparer.Ordinal);
        var problems = new List<string>();
        HttpClient? owned = null;
        if (options.GitHub is { } gitHub && policy.GitHub.Enabled)
        {
            connectors[ConnectorNames.GitHub] = gitHub;
        }

        if (policy.Webhook.Enabled)
        {
            var http = options.Http ?? (owned = NewHttpClient(policy.Webhook));
            var webhook = new WebhookConnector(policy.Webhook, options.Environment, http, options.Clock);
            problems.AddRange(webhook.Problems);
            connectors[ConnectorNames.Webhook] = webhook;
        }

        if (policy.Email.Enabled)
        {
            var email = new EmailConnector(policy.Email, options.Environment);
            if (email.Problem is { } problem)
            {
                problems.Add(problem);
            }

            connectors[ConnectorNames.Email] = email;
        }

        if (policy.Command.Enabled)
        {
            if (!options.LocalExecutor)
            {
                problems.Add("the command connector is enabled but runs only with the local executor; command.run effects will not run here");
            }

            connectors[ConnectorNames.Command] = new CommandConnector(policy.Command, options.Environment, options.Clock, options.LocalExecutor);
        }

        return new ConnectorSet(new ConnectorRouter(policy, connectors), problems, owned);
    }

    public void Dispose() => _ownedHttp?.Dispose();

    private static HttpClient NewHttpClient(WebhookConnectorPolicy policy) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = policy.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        // Each attempt has its own timeout (the retry pipeline's); the client must not cut across them.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
