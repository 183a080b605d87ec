using BusinessOps.Core.Policies;

namespace BusinessOps.Connectors.Webhooks;

/// <summary>An endpoint with its URL and signing key read from the environment, or the one line saying why it cannot be used.</summary>
internal sealed record ResolvedEndpoint(string Name, WebhookFormat Format, Uri? Url, byte[]? Key, Uri? CheckUrl, string? Problem);
