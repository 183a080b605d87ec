using BusinessOps.Core.Policies;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Loads policies and refuses to go on when they are invalid: every error is printed, nothing is acted on.</summary>
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

        return result.Policies;
    }
}
