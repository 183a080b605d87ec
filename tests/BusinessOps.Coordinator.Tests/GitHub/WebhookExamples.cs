using System.Text.Json;
using BusinessOps.TestKit;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>
/// Real webhook payloads from npm <c>@octokit/webhooks-examples</c>, from the GitHub tests' pinned tool folder
/// (<c>tests/BusinessOps.GitHub.Tests/npm</c>), installed once through <see cref="NpmTools"/>.
/// </summary>
internal static class WebhookExamples
{
    private const string IndexPath = "@octokit/webhooks-examples/api.github.com/index.json";

    /// <summary>The payloads of <paramref name="eventName"/> with action <paramref name="action"/>, as raw JSON.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(string eventName, string action)
    {
        var modules = await NodeModulesAsync();
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(modules, IndexPath)));
        return [.. index.RootElement.EnumerateArray()
            .Where(w => w.GetProperty("name").GetString() == eventName)
            .SelectMany(w => w.GetProperty("examples").EnumerateArray())
            .Where(e => e.GetProperty("action").GetString() == action)
            .Select(e => e.GetRawText())];
    }

    /// <summary>The repository root (the folder holding BusinessOps.sln) above the test binaries.</summary>
    public static string RepositoryRoot() => NpmTools.RepositoryRoot();

    private static Task<string> NodeModulesAsync() => NpmTools.NodeModulesAsync();
}
