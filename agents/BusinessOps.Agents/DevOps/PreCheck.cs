namespace BusinessOps.Agents.DevOps;

/// <summary>One evaluated pre-check: <c>passed</c>, <c>pending</c> (approval still to come), <c>manual</c> (a person confirms) or <c>blocked</c>.</summary>
internal sealed record PreCheck(string Name, string State, string Detail)
{
    public bool Blocks => State == "blocked";
}
