namespace BusinessOps.Core.Agents;

/// <summary>
/// The client an issue belongs to (<c>client/&lt;id&gt;</c>). Today only the id is known; a tenant file will add the
/// rest (display name, attributes) without changing the contract, since agents treat missing fields as unknown.
/// </summary>
/// <param name="Id">The id after <c>client/</c>, lower case.</param>
public sealed record ClientProfile(string Id)
{
    /// <summary>Display name, when a tenant profile names one.</summary>
    public string? Name { get; init; }

    /// <summary>Free-form profile fields (plan, region, contacts, …) from the tenant profile.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
