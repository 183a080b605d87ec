using BusinessOps.Core.Labels;

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

    /// <summary>The profile for <paramref name="clientId"/>, or a clear "no profile for client X" answer.</summary>
    public ClientLookup Find(string clientId)
    {
        if (byId.TryGetValue(clientId, out var profile))
        {
            return new ClientLookup(ClientLookupKind.Found, profile, $"client '{profile.Id}' ({profile.Name})");
        }

        var known = byId.Count == 0 ? "tenants.yml lists no clients" : "known clients: " + string.Join(", ", byId.Keys.Order(StringComparer.Ordinal));
        return new ClientLookup(ClientLookupKind.Unknown, null,
            $"no profile for client '{clientId}'; add it under 'clients:' in policies/tenants.yml or fix the label {LabelNames.ClientPrefix}{clientId} ({known})");
    }

    /// <summary>The client of an issue with <paramref name="labels"/>.</summary>
    public ClientLookup ForLabels(IEnumerable<string> labels)
    {
        var ids = labels
            .Where(l => l.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[LabelNames.ClientPrefix.Length..])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return ids.Count switch
        {
            0 => new ClientLookup(ClientLookupKind.NoClient, null, "no client label: the business's own work"),
            1 => Find(ids[0]),
            _ => new ClientLookup(ClientLookupKind.Ambiguous, null,
                $"the issue has {ids.Count} client labels ({string.Join(", ", ids.Select(i => LabelNames.ClientPrefix + i))}); an issue belongs to one client, so keep one label and open another issue for the other client"),
        };
    }
}
