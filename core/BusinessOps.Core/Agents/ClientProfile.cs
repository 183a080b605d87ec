namespace BusinessOps.Core.Agents;

/// <summary>
/// The client an issue belongs to (<c>client/&lt;id&gt;</c>), as <c>policies/tenants.yml</c> describes it: what the
/// coordinator injects into the context of an agent working on that client's issue — and never into any other.
/// Agents treat missing fields as unknown (a client label read without a profile carries the id only).
/// </summary>
/// <param name="Id">The id after <c>client/</c>, lower case.</param>
public sealed record ClientProfile(string Id)
{
    /// <summary>Display name, when a tenant profile names one.</summary>
    public string? Name { get; init; }

    /// <summary>Free-form settings from the tenant profile (tone, locale, report recipients, …).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>What agents should know about the company: industry, audience, voice, products.</summary>
    public string? Context { get; init; }

    /// <summary>The client's IANA time zone, if the profile names one.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Agent spend allowed per UTC day on this client's issues (USD); null: the global per-client limit applies.</summary>
    public decimal? DailySpendUsd { get; init; }

    /// <summary>How many of this client's issues may run at once; null: no limit of its own.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>The client's weight in the fair share of each pass's new runs (2: twice the turns of a client with 1).</summary>
    public int Share { get; init; } = 1;

    /// <summary>People at the client (name, role, email), as the profile lists them.</summary>
    public IReadOnlyList<ClientContactInfo> Contacts { get; init; } = [];

    /// <summary>The KPIs the client's reports track.</summary>
    public IReadOnlyList<string> Kpis { get; init; } = [];
}
