namespace BusinessOps.Agents.Security;

/// <summary>Findings and the resulting 0–100 score (100 = nothing found).</summary>
internal sealed record SecretScanReport(IReadOnlyList<SecretFinding> Findings, int Score, int LinesScanned);
