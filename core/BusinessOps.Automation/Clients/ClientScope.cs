using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Clients;

/// <summary>
/// Which data a client's work may see, decided by labels only. An agent working for client X may read issues labelled
/// exactly <c>client/X</c>; issues of other clients, of several clients and of no client (the business's own) are out
/// of its scope. The business's own work (no client) sees no client's issues either: cross-client reports are built
/// from per-client results, never by widening one agent's view.
/// </summary>
public static class ClientScope
{
    /// <summary>True when an agent working for <paramref name="client"/> may see an issue with <paramref name="labels"/>.</summary>
    public static bool Allows(string? client, IEnumerable<string> labels)
    {
        var clients = labels
            .Where(l => l.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[LabelNames.ClientPrefix.Length..])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return client is null ? clients.Count == 0 : clients.Count == 1 && string.Equals(clients[0], client, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The answer for an issue of <paramref name="own"/> that asks for <paramref name="requested"/>'s data.</summary>
    public static string Refusal(string? own, string requested) => own is null
        ? $"this issue has no client label, so it cannot read client '{requested}' data; file it with the label {LabelNames.ClientPrefix}{requested} instead"
        : $"this issue belongs to client '{own}' and cannot read client '{requested}' data; a client's work only ever sees its own client's data";
}
