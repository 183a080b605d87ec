namespace BusinessOps.Automation.Clients;

/// <summary>The answer of <see cref="ClientDirectory"/>: the profile, or a message for the issue saying what to fix.</summary>
public sealed record ClientLookup(ClientLookupKind Kind, ClientProfile? Profile, string Message)
{
    public bool IsFound => Kind == ClientLookupKind.Found;
}
