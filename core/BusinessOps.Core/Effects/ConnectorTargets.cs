using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Effects;

/// <summary>
/// The webhook endpoints and commands the shipped agents send effects to, and exactly what a person adds to
/// <c>policies/connectors.yml</c> to let them run: the key, a URL or program, and the variable that holds the secret
/// (<c>BUSINESSOPS_{NAME}_WEBHOOK_SECRET</c>, the convention <c>connectors.yml</c> follows). Pure: the plan comment, the
/// runner's refusal, <c>plan show</c>, <c>run --dry-run</c>, <c>doctor</c> and <c>policies validate</c> all say the same.
/// </summary>
public static class ConnectorTargets
{
    /// <summary>One target an agent proposes effects to, and what for.</summary>
    public sealed record Known(string Name, string UsedFor, bool CommandToo = false);

    /// <summary>The endpoints the agents use, in the order <c>connectors.yml</c> lists them.</summary>
    public static IReadOnlyList<Known> All { get; } =
    [
        new(PaymentInstruction.DefaultEndpoint, "the finance agent's payment instructions"),
        new("deploy", "the devops agent's deploys and automatic rollbacks", CommandToo: true),
        new("scaling", "the operations agent's scaling requests"),
        new("email-service", "the marketing agent's campaign sends"),
    ];

    /// <summary>The variable that, by convention, holds endpoint <paramref name="name"/>'s <c>whsec_</c> signing secret.</summary>
    public static string SecretEnv(string name) => "BUSINESSOPS_" + name.ToUpperInvariant().Replace('-', '_') + "_WEBHOOK_SECRET";

    /// <summary>What to add for webhook endpoint <paramref name="name"/>: file, key, URL and secret variable.</summary>
    public static string AddEndpoint(string name, bool connectorOff) =>
        $"add it to policies/connectors.yml under webhook.endpoints as '{name}: {{url: https://…, secretEnv: {SecretEnv(name)}}}'"
        + (connectorOff ? ", set webhook.enabled: true" : string.Empty)
        + $", and put the receiver's whsec_ signing secret in the environment variable {SecretEnv(name)}";

    /// <summary>What to add for command <paramref name="name"/>: file, key and program.</summary>
    public static string AddCommand(string name, bool connectorOff) =>
        $"add it to policies/connectors.yml under command.commands as '{name}: {{program: ./scripts/{name}.sh}}'"
        + (connectorOff ? ", set command.enabled: true" : string.Empty)
        + " (commands run only with the local executor)";

    /// <summary>The known targets <paramref name="policy"/> leaves unconfigured (a command counts for one that may be a command).</summary>
    public static IReadOnlyList<Known> Missing(ConnectorsPolicy policy) =>
        [.. All.Where(k => policy.Webhook.Find(k.Name) is null && !(k.CommandToo && policy.Command.Find(k.Name) is not null))];

    /// <summary>
    /// One line per unconfigured target, saying who needs it and exactly what to add; empty when all are set. For
    /// <c>doctor</c> and <c>policies validate</c>.
    /// </summary>
    public static IReadOnlyList<string> MissingLines(ConnectorsPolicy policy) =>
        [.. Missing(policy).Select(k => $"webhook endpoint '{k.Name}' ({k.UsedFor}) is not configured, so those plans cannot run here: {AddEndpoint(k.Name, !policy.Webhook.Enabled)}"
            + (k.CommandToo ? $" — or, for a deploy script, {AddCommand(k.Name, !policy.Command.Enabled)}" : string.Empty))];
}
