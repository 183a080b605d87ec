namespace BusinessOps.Coordinator.Reports.Templates;

/// <summary>A template that could not be used: where (file:line:column) and why; the built-in one was used instead.</summary>
public sealed record TemplateProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}: {Message}; the built-in template was used instead");
}
