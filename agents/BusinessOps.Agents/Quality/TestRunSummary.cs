namespace BusinessOps.Agents.Quality;

/// <summary>
/// Counts over the distinct tests of a run, each by its last execution; pass rate excludes skipped tests. A test that
/// both failed and passed across its executions (retries in one report, or earlier attempts) is <see cref="Flaky"/>: it
/// counts as passed, and is named so someone fixes it.
/// </summary>
internal sealed record TestRunSummary(int Total, int Failures, int Errors, int Skipped, IReadOnlyList<string> FailedTests)
{
    public IReadOnlyList<string> Flaky { get; init; } = [];

    public int Executed => Total - Skipped;

    public int Passed => Executed - Failures - Errors;

    public double PassRate => Executed == 0 ? 0 : (double)Passed / Executed;

    /// <summary>The summary of <paramref name="executions"/>, oldest first: the last execution of a test is its verdict.</summary>
    public static TestRunSummary Of(IEnumerable<TestExecution> executions)
    {
        var history = new Dictionary<string, List<TestVerdict>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in executions)
        {
            if (!history.TryGetValue(e.Name, out var verdicts))
            {
                history[e.Name] = verdicts = [];
                order.Add(e.Name);
            }

            verdicts.Add(e.Verdict);
        }

        var last = order.Select(n => (Name: n, Verdict: history[n][^1])).ToList();
        var flaky = order.Where(n => history[n].Contains(TestVerdict.Passed) && history[n].Any(v => v is TestVerdict.Failure or TestVerdict.Error)).ToList();
        return new TestRunSummary(
            last.Count,
            last.Count(t => t.Verdict == TestVerdict.Failure),
            last.Count(t => t.Verdict == TestVerdict.Error),
            last.Count(t => t.Verdict == TestVerdict.Skipped),
            [.. last.Where(t => t.Verdict is TestVerdict.Failure or TestVerdict.Error).Select(t => t.Name)])
        {
            Flaky = flaky,
        };
    }
}
