namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// The environment an agent process gets: the coordinator's, minus every credential. Agents hold no store and no GitHub
/// or AWS credential (the coordinator is the only writer), so a token in the coordinator's environment (an Actions
/// <c>GITHUB_TOKEN</c>, AWS keys) must not reach them — an agent printing its environment leaks nothing. The one
/// exception is the optional language model's key (<c>OPENAI_API_KEY</c>, <c>policies/language-model.yml</c>): drafting
/// prose is the agents' own work, so they are the ones meant to hold it.
/// </summary>
internal static class AgentEnvironment
{
    private static readonly string[] SecretParts = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "PRIVATE_KEY", "CREDENTIAL", "API_KEY", "APIKEY"];

    private static readonly string[] SecretPrefixes = ["AWS_", "GITHUB_APP_", "ACTIONS_", "BUSINESSOPS_STORE"];

    // Credentials made for the agents themselves (the language model endpoint's key), passed on as they are.
    private static readonly string[] AgentCredentials = ["OPENAI_API_KEY"];

    /// <summary>True for a variable an agent must not inherit.</summary>
    public static bool IsSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return !AgentCredentials.Contains(upper, StringComparer.Ordinal) && SecretParts.Any(p => upper.Contains(p, StringComparison.Ordinal)) || SecretPrefixes.Any(p => upper.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Removes every credential from <paramref name="environment"/> (a <c>ProcessStartInfo.Environment</c>).</summary>
    public static void Scrub(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsSecret).ToList())
        {
            environment.Remove(name);
        }
    }
}
