namespace BusinessOps.Core.Agents;

/// <summary>
/// A comment template a business edits (<c>policies/templates/&lt;name&gt;.sbn</c>, Scriban), handed to the agent that
/// renders it. The agent falls back to its built-in copy, with a note naming <see cref="File"/> and the line, when it
/// does not parse or render.
/// </summary>
/// <param name="File">The path as the business sees it, e.g. <c>templates/support.sbn</c>.</param>
/// <param name="Text">The template text.</param>
public sealed record CommentTemplate(string File, string Text);
