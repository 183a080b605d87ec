namespace BusinessOps.Coordinator.Install;

/// <summary>A label an issue form applies on submission, and the form's name (for descriptions and messages).</summary>
public sealed record FormLabel(string Label, string Form, string File);
