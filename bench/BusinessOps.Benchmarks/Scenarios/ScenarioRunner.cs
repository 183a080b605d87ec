namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>Scenario benchmarks that count API requests and rate-limit cost rather than time.</summary>
public static class ScenarioRunner
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("No scenarios registered yet: " + string.Join(' ', args));
        return Task.FromResult(0);
    }
}
