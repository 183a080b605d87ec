using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Validation;

/// <summary>Collects every error of one file; binders keep going after an error so all are reported at once.</summary>
internal sealed class FileDiagnostics(string file)
{
    /// <summary>Errors kept per file; a hostile or badly broken file must not flood the terminal or the CI log.</summary>
    public const int MaxErrors = 100;

    private readonly List<PolicyError> errors = [];

    private readonly List<PolicyError> contracts = [];

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

    /// <summary>
    /// What the file asks of the shipped agents that they cannot do (a field they require, an output they never write):
    /// kept apart from <see cref="Error(YamlValue, string)"/> so the engine still runs workflows of custom fields, and
    /// reported as errors by <c>policies validate</c>.
    /// </summary>
    public IReadOnlyList<PolicyError> Contracts => contracts;

    public void Contract(YamlValue at, string message)
    {
        if (contracts.Count < MaxErrors)
        {
            contracts.Add(new PolicyError(file, at.Line, at.Column, message));
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
