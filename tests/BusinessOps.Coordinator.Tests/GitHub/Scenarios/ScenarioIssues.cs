using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>Seeds issues as the issue forms file them: one routing label and one priority label each.</summary>
public static class ScenarioIssues
{
    private static readonly string[] Routes = ["finance/analysis", "dev/qa", "support/quality-assurance", "analytics/reporting", "security/compliance"];

    /// <summary>Files <paramref name="count"/> issues with routing labels in rotation and the priority <paramref name="priority"/> gives.</summary>
    public static IReadOnlyList<int> File(FakeGitHubServer server, int count, Func<int, int> priority)
    {
        var numbers = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            numbers.Add(server.SeedIssue("Operation " + (i + 1), "### Details\n\nSeeded by the scenario benchmark.", [Routes[i % Routes.Length], "priority/P" + priority(i)]));
        }

        return numbers;
    }

    /// <summary>Priorities P0–P3 in equal shares, shuffled with a fixed seed.</summary>
    public static int[] ShuffledPriorities(int count, int seed = 42)
    {
        var priorities = Enumerable.Range(0, count).Select(i => i % 4).ToArray();
#pragma warning disable CA5394 // Not security: a reproducible shuffle of benchmark input.
        new Random(seed).Shuffle(priorities);
#pragma warning restore CA5394
        return priorities;
    }
}
