namespace BusinessOps.Core.Ports;

/// <summary>A repository label: name, 6-hex-digit colour without '#', description (≤ 100 chars on GitHub).</summary>
public sealed record LabelDefinition(string Name, string Color, string Description);
