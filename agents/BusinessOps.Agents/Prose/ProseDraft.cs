namespace BusinessOps.Agents.Prose;

/// <summary>A drafted text: from the model or the deterministic one, the note when the model failed, and its token cost.</summary>
public sealed record ProseDraft(string Text, bool FromModel, string? Note, decimal CostUsd);
