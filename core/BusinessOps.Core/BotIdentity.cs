namespace BusinessOps.Core;

/// <summary>The coordinator's own login: what it writes as on the local store, and the default until a GitHub store names its token's login.</summary>
public static class BotIdentity
{
    /// <summary><c>businessops[bot]</c>: GitHub App accounts end with <c>[bot]</c>, a suffix nobody else can register.</summary>
    public const string Login = "businessops[bot]";
}
