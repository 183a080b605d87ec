namespace BusinessOps.Core.Agents;

/// <summary>
/// One operation of an agent: its issue form (<see cref="Form"/>, the file name without <c>.yml</c>) and routing
/// <see cref="Label"/>, the form fields the agent requires (<see cref="Requires"/>, and at least one of
/// <see cref="AnyOf"/> when given; names match case-insensitively, as agents read them) and the top-level fields of the
/// outputs it writes (<see cref="Outputs"/>).
/// </summary>
public sealed record AgentOperation(string Form, string Agent, string Label, IReadOnlyList<string> Requires, IReadOnlyList<string> Outputs)
{
    public IReadOnlyList<string> AnyOf { get; init; } = [];

    /// <summary>What <paramref name="fields"/> lack for this operation, e.g. <c>Options, Criteria</c>; empty when nothing.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> fields)
    {
        var given = fields.ToHashSet(StringComparer.OrdinalIgnoreCase);
        List<string> missing = [.. Requires.Where(r => !given.Contains(r))];
        if (AnyOf.Count > 0 && !AnyOf.Any(given.Contains))
        {
            missing.Add("one of " + string.Join(" / ", AnyOf));
        }

        return missing;
    }

    /// <summary>True when the output <paramref name="field"/> (the first segment of a dotted path) is one this operation writes.</summary>
    public bool Writes(string field) => Outputs.Contains(field.Split('.')[0], StringComparer.Ordinal);
}
