using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Validation;

/// <summary>Collects every error of one file; binders keep going after an error so all are reported at once.</summary>
internal sealed class FileDiagnostics(string file)
{
    private readonly List<PolicyError> errors = [];

    public string File => file;

    public IReadOnlyList<PolicyError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Error(YamlValue at, string message) => errors.Add(new PolicyError(file, at.Line, at.Column, message));

    public void Error(int line, int column, string message) => errors.Add(new PolicyError(file, line, column, message));
}
