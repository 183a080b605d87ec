namespace BusinessOps.Automation.Clients;

/// <summary>What an issue's labels say about its client.</summary>
public enum ClientLookupKind
{
    /// <summary>No <c>client/</c> label: the business's own work.</summary>
    NoClient,

    /// <summary>One <c>client/</c> label with a profile.</summary>
    Found,

    /// <summary>A <c>client/</c> label no profile matches: the issue goes to needs-triage.</summary>
    Unknown,

    /// <summary>Two or more <c>client/</c> labels: refused, since an agent may see one client only.</summary>
    Ambiguous,
}
