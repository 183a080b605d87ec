namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>The two input formats of <c>coordinator issues import</c>.</summary>
internal enum ImportFormat
{
    JsonLines,
    Csv,
}
