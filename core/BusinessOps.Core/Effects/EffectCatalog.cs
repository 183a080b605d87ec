using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Every effect kind the connectors can perform, with its default impact. A plan's autonomy level is at least the
/// highest <see cref="EffectKindInfo.MinimumLevel"/> of its effects' kinds (after the policy's impact overrides).
/// </summary>
public static class EffectCatalog
{
    private const EffectImpact Outside = EffectImpact.External | EffectImpact.Irreversible;

    /// <summary>All kinds, GitHub first.</summary>
    public static IReadOnlyList<EffectKindInfo> All { get; } =
    [
        new(EffectKinds.GitHubLabels, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "add or remove labels and set the priority of an issue"),
        new(EffectKinds.GitHubComment, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "comment on an issue"),
        new(EffectKinds.GitHubIssue, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "open an issue as a sub-issue of the target"),
        new(EffectKinds.GitHubPullRequest, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "create a branch with files and open a draft pull request"),

        // A deployment can start deployment workflows and integrations outside the repository.
        new(EffectKinds.GitHubDeployment, ConnectorNames.GitHub, EffectTargetForm.Environment, EffectImpact.External, "create a deployment and its first status"),
        new(EffectKinds.GitHubDeploymentStatus, ConnectorNames.GitHub, EffectTargetForm.Environment, EffectImpact.External, "set the status of a deployment"),
        new(EffectKinds.GitHubCommitStatus, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "set a commit status on a pull request's head"),

        // The redacted text is not kept anywhere, so the edit cannot be undone by us.
        new(EffectKinds.GitHubRedact, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.Irreversible, "edit an issue or comment to redact a secret"),
        new(EffectKinds.GitHubClose, ConnectorNames.GitHub, EffectTargetForm.Issue, EffectImpact.None, "close an issue with a reason"),
        new(EffectKinds.WebhookPost, ConnectorNames.Webhook, EffectTargetForm.Endpoint, Outside, "POST a signed JSON event to a webhook endpoint"),

        // Briefings to the team's own chat channel: internal, and routine enough for L1.
        new(EffectKinds.WebhookChat, ConnectorNames.Webhook, EffectTargetForm.Endpoint, EffectImpact.None, "post a message to a chat channel (Slack-compatible)"),
        new(EffectKinds.WebhookPayment, ConnectorNames.Webhook, EffectTargetForm.Endpoint, EffectImpact.Financial | Outside, "send a payment instruction to a payables endpoint"),
        new(EffectKinds.EmailSend, ConnectorNames.Email, EffectTargetForm.EmailAddress, EffectImpact.CustomerFacing | Outside, "send an email"),
        new(EffectKinds.CommandRun, ConnectorNames.Command, EffectTargetForm.Command, Outside, "run a configured local command with the effect on standard input"),
    ];

    private static readonly Dictionary<string, EffectKindInfo> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The kind named <paramref name="kind"/> (exact, lower-case spelling).</summary>
    public static bool TryGet(string? kind, out EffectKindInfo info)
    {
        if (kind is not null && ByName.TryGetValue(kind, out var found))
        {
            info = found;
            return true;
        }

        info = null!;
        return false;
    }

    /// <summary>L1 for an effect without impact, else L2 (approval). L3 plans never execute, so no kind forces L3.</summary>
    public static AutonomyLevel LevelFor(EffectImpact impact) => impact == EffectImpact.None ? AutonomyLevel.L1 : AutonomyLevel.L2;

    /// <summary>The kind's impact, as overridden by <paramref name="policy"/> when it names the kind.</summary>
    public static EffectImpact ImpactOf(EffectKindInfo kind, ConnectorsPolicy policy) =>
        policy.Impacts.TryGetValue(kind.Name, out var overridden) ? overridden : kind.Impact;

    /// <summary>
    /// The least autonomy level a plan with these effects may have (L1 for none); an unknown kind counts as L2 so a
    /// typo can never lower the bar (it fails validation anyway).
    /// </summary>
    public static AutonomyLevel MinimumLevel(IEnumerable<Effect> effects, ConnectorsPolicy policy)
    {
        var level = AutonomyLevel.L1;
        foreach (var effect in effects)
        {
            var kindLevel = TryGet(effect.Kind, out var kind) ? LevelFor(ImpactOf(kind, policy)) : AutonomyLevel.L2;
            if (kindLevel > level)
            {
                level = kindLevel;
            }
        }

        return level;
    }

    /// <summary>The union of the impacts of <paramref name="effects"/> (unknown kinds count as external and irreversible).</summary>
    public static EffectImpact ImpactOf(IEnumerable<Effect> effects, ConnectorsPolicy policy)
    {
        var impact = EffectImpact.None;
        foreach (var effect in effects)
        {
            impact |= TryGet(effect.Kind, out var kind) ? ImpactOf(kind, policy) : Outside;
        }

        return impact;
    }
}
