using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Validation;

/// <summary>Collects every error of one file; binders keep going after an error so all are reported at once.</summary>
internal sealed class FileDiagnostics(string file)
{
    /// <summary>Errors kept per file; a hostile or badly broken file must not flood the terminal or the CI log.</summary>
    public const int MaxErrors = 100;

    private readonly List<PolicyError> errors = [];

    // Counted past the cap so the summary line can say how many were left out.
    private int total;

    public string File => file;

    public bool HasErrors => total > 0;

    public void Error(YamlValue at, string message) => Error(at.Line, at.Column, message);

    public void Error(int line, int column, string message)
    {
        if (++total <= MaxErrors)
        {
            errors.Add(new PolicyError(file, line, column, message));
        }
    }

    /// <summary>The errors by position, plus a last line saying how many more there were.</summary>
    public IReadOnlyList<PolicyError> Sorted()
    {
        List<PolicyError> sorted = [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
        if (total > MaxErrors)
        {
            sorted.Add(new PolicyError(file, 0, 0, $"{total - MaxErrors} more errors not shown; fix the ones above first"));
        }

        return sorted;
    }
}
