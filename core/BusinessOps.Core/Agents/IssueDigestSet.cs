namespace BusinessOps.Core.Agents;

/// <summary>
/// The issues an agent may look at, already scoped: <see cref="Scope"/> is <c>client/&lt;id&gt;</c> for a client's
/// issue (it sees only that client's issues) or <c>all</c>. They are the coordinator's own list (open issues: it lists
/// nothing more for an agent). Bounded to <see cref="MaxItems"/>, most recently updated first; <see cref="Omitted"/>
/// says how many more there were.
/// </summary>
/// <param name="Scope"><c>all</c> or <c>client/&lt;id&gt;</c>.</param>
/// <param name="Items">The digests, most recently updated first.</param>
/// <param name="Omitted">Issues in scope left out by the bound.</param>
public sealed record IssueDigestSet(string Scope, IReadOnlyList<IssueDigest> Items, int Omitted)
{
    /// <summary>Most digests one context carries (about 200 bytes each).</summary>
    public const int MaxItems = 5_000;

    /// <summary>The scope of every issue.</summary>
    public const string AllScope = "all";
}
