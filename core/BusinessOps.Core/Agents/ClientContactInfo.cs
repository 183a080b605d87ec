namespace BusinessOps.Core.Agents;

/// <summary>A person at a client, as handed to agents in <see cref="ClientProfile.Contacts"/>.</summary>
public sealed record ClientContactInfo(string Name, string? Role, string? Email);
