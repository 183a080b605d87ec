using BusinessOps.Core.Policies;

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
    public static bool Allows(string? client, IEnumerable<string> labels) => Tenancy.Allows(client, labels);

    /// <summary>The answer for an issue of <paramref name="own"/> that asks for <paramref name="requested"/>'s data.</summary>
    public static string Refusal(string? own, string requested) => Tenancy.Refusal(own, requested);
}
