using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Policies;

/// <summary>
/// The one home of the client-isolation rules (<c>policies/tenants.yml</c>), shared by <c>Decide</c>, the coordinator
/// and the automation engine. A client is chosen by an issue's <c>client/&lt;id&gt;</c> label only — never by a field
/// of its text — and a client's work sees issues labelled with exactly that client, nothing else.
/// </summary>
public static class Tenancy
{
    /// <summary>The form answers that name whose data an issue asks for (<c>### Scope</c>, <c>### Client</c>).</summary>
    public static IReadOnlyList<string> ScopeFields { get; } = ["Scope", "Client"];

    /// <summary>The distinct client ids of <paramref name="labels"/> (text after <c>client/</c>, lower case).</summary>
    public static IReadOnlyList<string> ClientsOf(IEnumerable<string> labels) =>
        [.. labels
            .Where(l => l.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase) && l.Length > LabelNames.ClientPrefix.Length)
            .Select(l => l[LabelNames.ClientPrefix.Length..].ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>True when work for <paramref name="client"/> (null: the business's own) may see an issue with <paramref name="labels"/>.</summary>
    public static bool Allows(string? client, IEnumerable<string> labels)
    {
        var clients = ClientsOf(labels);
        return client is null ? clients.Count == 0 : clients.Count == 1 && string.Equals(clients[0], client, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why a <c>client/&lt;id&gt;</c> label cannot be served: no profile, with the known clients.</summary>
    public static string Unknown(string clientId, IEnumerable<string> known)
    {
        var ids = known.Order(StringComparer.Ordinal).ToList();
        var listed = ids.Count == 0 ? "tenants.yml lists no clients" : "known clients: " + string.Join(", ", ids);
        return $"no profile for client '{clientId}'; add it under 'clients:' in policies/tenants.yml or fix the label {LabelNames.ClientPrefix}{clientId} ({listed})";
    }

    /// <summary>Why an issue with several client labels is refused.</summary>
    public static string Ambiguous(IReadOnlyList<string> clientIds) =>
        $"the issue has {clientIds.Count} client labels ({string.Join(", ", clientIds.Select(i => LabelNames.ClientPrefix + i))}); an issue belongs to one client, so keep one label and open another issue for the other client";

    /// <summary>The answer for an issue of <paramref name="own"/> (null: no client) that asks for <paramref name="requested"/>'s data.</summary>
    public static string Refusal(string? own, string requested) => own is null
        ? $"this issue has no client label, so it cannot read client '{requested}' data; file it with the label {LabelNames.ClientPrefix}{requested} instead"
        : $"this issue belongs to client '{own}' and cannot read client '{requested}' data; a client's work only ever sees its own client's data";

    /// <summary>
    /// The client whose data <paramref name="body"/> asks for in a scope answer (<c>client/globex</c>, or <c>globex</c> under
    /// <c>### Client</c>) when it is not <paramref name="own"/>; null when it asks for nothing else (<c>all</c> included: that
    /// means "everything this issue may see").
    /// </summary>
    public static string? OtherClientRequested(string body, string? own)
    {
        foreach (var field in ScopeFields)
        {
            if (FormAnswer.FirstLine(body, field) is not { } answer)
            {
                continue;
            }

            var value = answer.Trim().Trim('`').Trim().ToLowerInvariant();
            var id = value.StartsWith(LabelNames.ClientPrefix, StringComparison.Ordinal) ? value[LabelNames.ClientPrefix.Length..]
                : field == "Client" && value is not ("all" or "none" or "-") ? value
                : null;
            if (id is { Length: > 0 } && !string.Equals(id, own, StringComparison.OrdinalIgnoreCase))
            {
                return id.Length <= 60 ? id : id[..57] + "...";
            }
        }

        return null;
    }

    /// <summary>The profile for <paramref name="clientId"/> in <paramref name="clients"/>, if any.</summary>
    public static ClientProfile? Find(IReadOnlyDictionary<string, ClientProfile>? clients, string? clientId) =>
        clientId is not null && clients is not null && clients.TryGetValue(clientId, out var p) ? p : null;
}
