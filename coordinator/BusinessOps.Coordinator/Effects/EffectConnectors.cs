using BusinessOps.Connectors;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Effects;

namespace BusinessOps.Coordinator.Effects;

/// <summary>
/// The session's connectors: <c>github.*</c> effects through the GitHub connector on the store's own client when the
/// store is GitHub, else through the store itself (<see cref="StoreEffectConnector"/>); webhook, email and command as
/// <c>connectors.yml</c> enables them, secrets read by variable name from the environment it is given.
/// </summary>
internal static class EffectConnectors
{
    public static ConnectorSet Create(CoordinatorSession session, Func<string, string?> environment, HttpClient? http = null) =>
        Create(session, session.Policies.Connectors, environment, http);

    /// <summary>Connectors for <paramref name="policy"/> instead of the session's (the demo points webhooks at its own receiver).</summary>
    public static ConnectorSet Create(CoordinatorSession session, ConnectorsPolicy policy, Func<string, string?> environment, HttpClient? http = null)
    {
        IEffectConnector gitHub = session.Backend is GitHubIssueStore store ? new GitHubEffectConnector(store) : new StoreEffectConnector(session.Store);
        var options = new ConnectorOptions(environment, session.Clock, LocalExecutor: !session.IsCloud, gitHub) { Http = http };
        var set = ConnectorSet.Create(policy, options);
        foreach (var problem in set.Problems)
        {
            session.Log.Warn("connectors: " + problem);
        }

        return set;
    }
}
