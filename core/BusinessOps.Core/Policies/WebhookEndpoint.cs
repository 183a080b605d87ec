namespace BusinessOps.Core.Policies;

/// <summary>
/// One named webhook endpoint (<c>payables</c>, <c>scaling</c>, <c>deploy</c>). The URL is either written in policy
/// (<see cref="Url"/>) or, when the URL itself is a secret (chat incoming webhooks), read from the environment
/// variable named by <see cref="UrlEnv"/>. <see cref="SecretEnv"/> names the variable holding the <c>whsec_</c>
/// signing secret. <see cref="CheckUrl"/>, when set, lets the runner ask the receiver by key whether a delivery
/// arrived (<c>{key}</c> is replaced by the URL-escaped key; 200 = arrived, 404 = not).
/// </summary>
public sealed record WebhookEndpoint(string Name, Uri? Url, string? UrlEnv, string? SecretEnv, WebhookFormat Format, Uri? CheckUrl = null);
