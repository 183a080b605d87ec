namespace BusinessOps.Core.Effects;

/// <summary>The names of the effect kinds; <c>{connector}.{what}</c>. <see cref="EffectCatalog"/> describes each.</summary>
public static class EffectKinds
{
    public const string GitHubLabels = "github.labels";
    public const string GitHubComment = "github.comment";
    public const string GitHubIssue = "github.issue";
    public const string GitHubPullRequest = "github.pull-request";
    public const string GitHubDeployment = "github.deployment";
    public const string GitHubDeploymentStatus = "github.deployment-status";
    public const string GitHubCommitStatus = "github.commit-status";
    public const string GitHubRedact = "github.redact";
    public const string GitHubClose = "github.close";
    public const string WebhookPost = "webhook.post";
    public const string WebhookChat = "webhook.chat";
    public const string WebhookPayment = "webhook.payment";
    public const string EmailSend = "email.send";
    public const string CommandRun = "command.run";
}
