using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Validation;

/// <summary>Checks that span files; run only when each file is valid on its own, so messages are not doubled.</summary>
internal static class CrossChecks
{
    /// <summary>An override for an operation no routing rule covers would silently never apply.</summary>
    public static IEnumerable<PolicyError> OverridesMatchRouting(PolicySource autonomyFile, AutonomyPolicy autonomy, RoutingPolicy routing)
    {
        if (autonomyFile.Text is null)
        {
            yield break;
        }

        foreach (var o in autonomy.Overrides)
        {
            if (o.Operation is not { } operation)
            {
                continue;
            }

            var probe = operation.EndsWith("/*", StringComparison.Ordinal) ? operation[..^1] + "x" : operation;
            if (routing.Match(probe) is null)
            {
                var (line, column) = Locate(autonomyFile.Text, operation);
                yield return new PolicyError(autonomyFile.Name, line, column,
                    $"override operation '{operation}' matches no rule in {PolicyFileNames.Routing}; use a routed label such as '{(routing.Rules.Count > 0 ? routing.Rules[0].Pattern : "dev/qa")}'");
            }
        }
    }

    // The bound records carry no positions, so find the value in the text; good enough for one-line values.
    private static (int Line, int Column) Locate(string text, string value)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf("operation", StringComparison.Ordinal);
            var v = lines[i].IndexOf(value, StringComparison.Ordinal);
            if (at >= 0 && v > at)
            {
                return (i + 1, v + 1);
            }
        }

        // Not found verbatim (quoted, folded): the file's first position is still a place an editor can jump to.
        return (1, 1);
    }
}
