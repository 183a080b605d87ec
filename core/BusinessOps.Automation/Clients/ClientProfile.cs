namespace BusinessOps.Automation.Clients;

/// <summary>
/// One client of <c>policies/tenants.yml</c>. <see cref="Id"/> is the <c>client/&lt;id&gt;</c> label; the profile
/// (company context, settings, limits, contacts, KPIs) is what the coordinator injects into an agent's context for
/// that client's issues, and nothing of any other client ever is.
/// </summary>
public sealed record ClientProfile(string Id, string Name)
{
    /// <summary>What agents should know about the company: industry, audience, voice, products.</summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>Free-form settings (tone, locale, report recipients, …), keys as written in the policy.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public ClientLimits Limits { get; init; } = ClientLimits.None;

    public IReadOnlyList<ClientContact> Contacts { get; init; } = [];

    /// <summary>The KPIs the client's reports track, by name.</summary>
    public IReadOnlyList<string> Kpis { get; init; } = [];

    /// <summary>The client's IANA time zone (its reports' dates), or null for the schedule's own.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The profile as agents receive it in their context (<c>DispatchContext.Client</c>).</summary>
    public Core.Agents.ClientProfile ToAgentProfile() => new(Id.ToLowerInvariant())
    {
        Name = Name,
        Context = Context.Length > 0 ? Context : null,
        Attributes = Settings,
        TimeZone = TimeZone,
        DailySpendUsd = Limits.DailySpendUsd,
        MaxConcurrent = Limits.MaxConcurrent,
        Share = Limits.Share,
        Contacts = [.. Contacts.Select(c => new Core.Agents.ClientContactInfo(c.Name, c.Role, c.Email))],
        Kpis = Kpis,
    };
}
