namespace BusinessOps.Core.Policies;

/// <summary>
/// A local program a team already uses (a deploy or payment script), run with the effect as JSON on standard input.
/// It sees only <c>PATH</c>, <c>HOME</c>, <c>LANG</c>, <c>TMPDIR</c>, the effect's key and kind, and the variables
/// named in <see cref="Environment"/>. With <see cref="Checkable"/> the program is also run with
/// <c>BUSINESSOPS_EFFECT_CHECK=1</c> to ask whether the key was already handled (exit 0 = yes, 3 = no).
/// </summary>
public sealed record CommandDefinition(
    string Name,
    string Program,
    IReadOnlyList<string> Arguments,
    TimeSpan Timeout,
    IReadOnlyList<string> Environment,
    string? WorkingDirectory = null,
    bool Checkable = false);
