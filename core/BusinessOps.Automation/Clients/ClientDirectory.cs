using BusinessOps.Core.Policies;

namespace BusinessOps.Automation.Clients;

/// <summary>
/// The clients of <c>tenants.yml</c> by id. The client of an issue is chosen by its <c>client/&lt;id&gt;</c>
/// label only — never by a field of the issue text — so an issue cannot ask its way into another client's data.
/// </summary>
public sealed class ClientDirectory
{
    private readonly Dictionary<string, ClientProfile> byId;

    public ClientDirectory(IEnumerable<ClientProfile> profiles)
    {
        byId = new Dictionary<string, ClientProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in profiles)
        {
            if (!byId.TryAdd(p.Id, p))
            {
                throw new ArgumentException($"client '{p.Id}' is listed twice", nameof(profiles));
            }
        }
    }

    public static ClientDirectory Empty { get; } = new([]);

    public IReadOnlyCollection<ClientProfile> All => byId.Values;

    /// <summary>Every profile as agents receive it, by id (case-insensitive): what the shell puts in <c>PolicySet.Clients</c>.</summary>
    public IReadOnlyDictionary<string, Core.Agents.ClientProfile> ForAgents() =>
        byId.Values.ToDictionary(p => p.Id, p => p.ToAgentProfile(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The profile for <paramref name="clientId"/>, or a clear "no profile for client X" answer.</summary>
    public ClientLookup Find(string clientId)
    {
        if (byId.TryGetValue(clientId, out var profile))
        {
            return new ClientLookup(ClientLookupKind.Found, profile, $"client '{profile.Id}' ({profile.Name})");
        }

        return new ClientLookup(ClientLookupKind.Unknown, null, Tenancy.Unknown(clientId, byId.Keys));
    }

    /// <summary>The client of an issue with <paramref name="labels"/>.</summary>
    public ClientLookup ForLabels(IEnumerable<string> labels)
    {
        var ids = Tenancy.ClientsOf(labels);
        return ids.Count switch
        {
            0 => new ClientLookup(ClientLookupKind.NoClient, null, "no client label: the business's own work"),
            1 => Find(ids[0]),
            _ => new ClientLookup(ClientLookupKind.Ambiguous, null, Tenancy.Ambiguous(ids)),
        };
    }
}
