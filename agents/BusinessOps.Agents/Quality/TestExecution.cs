namespace BusinessOps.Agents.Quality;

/// <summary>One execution of one test in a report: the test's full name (<c>Class.Method</c>) and its verdict.</summary>
internal sealed record TestExecution(string Name, TestVerdict Verdict);
