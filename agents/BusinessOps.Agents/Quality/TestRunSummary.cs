namespace BusinessOps.Agents.Quality;

/// <summary>Counts from a JUnit report. Pass rate excludes skipped tests.</summary>
internal sealed record TestRunSummary(int Total, int Failures, int Errors, int Skipped, IReadOnlyList<string> FailedTests)
{
    public int Executed => Total - Skipped;

    public int Passed => Executed - Failures - Errors;

    public double PassRate => Executed == 0 ? 0 : (double)Passed / Executed;
}
