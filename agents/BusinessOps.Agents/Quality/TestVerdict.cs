namespace BusinessOps.Agents.Quality;

/// <summary>What one execution of one test came to, whatever the report format called it.</summary>
internal enum TestVerdict
{
    Passed,
    Failure,
    Error,
    Skipped,
}
