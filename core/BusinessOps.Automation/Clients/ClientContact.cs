namespace BusinessOps.Automation.Clients;

/// <summary>A person at the client: name, and optionally role, email and GitHub login.</summary>
public sealed record ClientContact(string Name, string? Role, string? Email, string? GitHub);
