using BusinessOps.Core.Policies;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Loads policies (and <c>connectors.yml</c>) and refuses to go on when they are invalid: every error is printed, nothing is acted on.</summary>
public static class PolicyGate
{
    public static PolicySet? Load(string? requested, TextWriter error)
    {
        var dir = PolicyPaths.Resolve(requested);
        var result = PolicyLoader.LoadFromOption(requested);
        foreach (var warning in result.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        if (result.Policies is null || result.Errors.Count > 0)
        {
            foreach (var e in result.Errors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"{result.Errors.Count} policy error(s) in {dir}: fix them (coordinator policies validate --policies {dir}); nothing was done.");
            return null;
        }

        // connectors.yml is loaded on its own: Decide reads the effect kinds' impact and readiness from it.
        var connectors = PolicyLoader.LoadConnectors(dir, allowMissingDirectory: !PolicyPaths.IsGiven(requested));
        if (connectors.Policy is null || connectors.Errors.Count > 0)
        {
            foreach (var e in connectors.Errors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"{connectors.Errors.Count} error(s) in {Path.Combine(dir, PolicyFileNames.Connectors)}: fix them (coordinator policies validate --policies {dir}); nothing was done.");
            return null;
        }

        return result.Policies with { Connectors = connectors.Policy };
    }
}
