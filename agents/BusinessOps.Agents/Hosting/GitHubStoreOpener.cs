using BusinessOps.Core.Ports;

namespace BusinessOps.Agents.Hosting;

/// <summary>Opens the GitHub store from the environment inside Batch, Lambda or Actions (wired with the GitHub adapter).</summary>
internal static class GitHubStoreOpener
{
    public static IIssueStore? Open() => null;
}
