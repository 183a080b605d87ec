namespace BusinessOps.Agents.Rendering;

/// <summary>A rendered comment, and the note saying the business's template failed (file:line) and the built-in one was used.</summary>
internal sealed record RenderedText(string Text, string? Note);
