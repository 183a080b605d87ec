namespace BusinessOps.Coordinator.Reports.Charts;

/// <summary>One bar: its label (untrusted text allowed: charts escape it), its value, and the value as shown.</summary>
public sealed record Bar(string Label, double Value, string Shown);
