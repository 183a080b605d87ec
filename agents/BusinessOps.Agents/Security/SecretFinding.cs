namespace BusinessOps.Agents.Security;

/// <summary>One secret found. <see cref="Redacted"/> is the only trace of the value: first 4 characters + <c>****</c>.</summary>
internal sealed record SecretFinding(string Kind, string Severity, int Line, string Redacted);
