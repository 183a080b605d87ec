using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// What policy alone says about whether an effect can run — pure, so the plan comment can say which effect cannot
/// run and why before anyone approves. (Whether the named secrets are set is the connectors' check at run time.)
/// </summary>
public static class ConnectorReadiness
{
    /// <summary>One line on why <paramref name="effect"/> cannot run under <paramref name="policy"/>, or null.</summary>
    public static string? Problem(Effect effect, ConnectorsPolicy policy)
    {
        if (!EffectCatalog.TryGet(effect.Kind, out var kind))
        {
            return EffectShape.Problem(effect);
        }

        var target = MarkdownSafe.Inline(effect.Target, 60);
        var named = EffectShape.IsName(effect.Target);
        return kind.Connector switch
        {
            ConnectorNames.GitHub when !policy.GitHub.Enabled => Off(kind, ConnectorNames.GitHub),
            ConnectorNames.Webhook when !policy.Webhook.Enabled => Off(kind, ConnectorNames.Webhook)
                + (named && policy.Webhook.Find(effect.Target) is null ? $"; no endpoint '{target}' is configured either: {ConnectorTargets.AddEndpoint(effect.Target, connectorOff: false)}" : string.Empty),
            ConnectorNames.Webhook when policy.Webhook.Find(effect.Target) is null =>
                $"{kind.Name} cannot run: no webhook endpoint named '{target}' in policies/connectors.yml{Known(policy.Webhook.Endpoints.Select(e => e.Name))}"
                + (named ? "; " + ConnectorTargets.AddEndpoint(effect.Target, connectorOff: false) : string.Empty),
            ConnectorNames.Webhook when kind.Name != EffectKinds.WebhookChat && policy.Webhook.Find(effect.Target)!.Format == WebhookFormat.Slack =>
                $"{kind.Name} cannot run: webhook endpoint '{target}' is a chat (format: slack) endpoint, which takes only webhook.chat messages",
            ConnectorNames.Email when !policy.Email.Enabled => Off(kind, ConnectorNames.Email),
            ConnectorNames.Command when !policy.Command.Enabled => Off(kind, ConnectorNames.Command)
                + (named && policy.Command.Find(effect.Target) is null ? $"; no command '{target}' is configured either: {ConnectorTargets.AddCommand(effect.Target, connectorOff: false)}" : string.Empty),
            ConnectorNames.Command when policy.Command.Find(effect.Target) is null =>
                $"{kind.Name} cannot run: no command named '{target}' in policies/connectors.yml{Known(policy.Command.Commands.Select(c => c.Name))}"
                + (named ? "; " + ConnectorTargets.AddCommand(effect.Target, connectorOff: false) : string.Empty),
            _ => null,
        };
    }

    private static string Off(EffectKindInfo kind, string connector) =>
        $"{kind.Name} cannot run: the {connector} connector is not enabled in policies/connectors.yml (set {connector}.enabled: true and configure it)";

    private static string Known(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? " (none is configured)" : $" (configured: {list})";
    }
}
