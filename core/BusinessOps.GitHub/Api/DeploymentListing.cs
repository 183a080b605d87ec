namespace BusinessOps.GitHub.Api;

/// <summary>One deployment as listed: its id, API URL, and the effect key its payload carries (null when it carries none).</summary>
internal sealed record DeploymentListing(long Id, string Url, string? EffectKey);
