using System.Globalization;

namespace BusinessOps.Core.Results;

/// <summary><c>{owner}/{repo}#{issue}/a{attempt}/{phase}</c> — the identity of one dispatch.</summary>
public sealed record IdempotencyKey(string Repository, int Issue, int Attempt, string Phase)
{
    public const string PlanPhase = "plan";
    public const string ExecutePhase = "execute";

    /// <summary>The key of <paramref name="phase"/>: <c>{owner}/{repo}#{issue}/a{attempt}/{phase}</c>.</summary>
    public IdempotencyKey(string repository, int issue, int attempt, DispatchPhase phase)
        : this(repository, issue, attempt, Name(phase))
    {
    }

    /// <summary>The typed phase of this key (a key always holds one of the two wire names).</summary>
    public DispatchPhase PhaseKind => Phase == ExecutePhase ? DispatchPhase.Execute : DispatchPhase.Plan;

    /// <summary>The wire name of a phase: <c>plan</c> or <c>execute</c>.</summary>
    public static string Name(DispatchPhase phase) => phase == DispatchPhase.Execute ? ExecutePhase : PlanPhase;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Repository}#{Issue}/a{Attempt}/{Phase}");

    public static bool TryParse(string? text, out IdempotencyKey key)
    {
        key = new IdempotencyKey(string.Empty, 0, 0, string.Empty);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var hash = text.LastIndexOf('#');
        if (hash <= 0)
        {
            return false;
        }

        var parts = text[(hash + 1)..].Split('/');
        if (parts.Length != 3 || parts[1].Length < 2 || parts[1][0] != 'a'
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issue)
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            || parts[2] is not (PlanPhase or ExecutePhase))
        {
            return false;
        }

        key = new IdempotencyKey(text[..hash], issue, attempt, parts[2]);
        return true;
    }
}
