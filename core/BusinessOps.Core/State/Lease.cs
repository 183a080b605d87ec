namespace BusinessOps.Core.State;

/// <summary>
/// A pass's claim on an issue while it hands a run to the executor (issue 9, defect 2): recorded in the status marker by
/// the same conditional write that records the dispatch intent, so it costs no write of its own. Every other pass leaves
/// the issue alone while the claim is live and the run has not reached the executor; the holder's next write of the
/// status comment (a local run's settlement) ends it, and an expired claim (a crashed pass) is taken over.
/// </summary>
/// <param name="Holder">The pass that holds it (the shell's per-pass id: host, process and a random part).</param>
/// <param name="Until">When it expires if the holder never comes back.</param>
public sealed record Lease(string Holder, DateTimeOffset Until)
{
    /// <summary>True when the lease binds a pass other than <paramref name="pass"/> at <paramref name="now"/>.</summary>
    /// <param name="pass">The deciding pass (null: a tool or a test, which holds nothing).</param>
    /// <param name="now">The decision's time.</param>
    /// <param name="ended">Holders the shell knows are gone (their pass ended, or their process died on this host).</param>
    public bool Binds(string? pass, DateTimeOffset now, IReadOnlySet<string> ended) =>
        !string.Equals(Holder, pass, StringComparison.Ordinal) && Until > now && !ended.Contains(Holder);
}
