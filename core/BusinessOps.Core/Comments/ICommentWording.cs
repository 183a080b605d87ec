namespace BusinessOps.Core.Comments;

/// <summary>
/// The wording of the coordinator's comments (status comment, replies to commands, escalation and breach notes, …), which
/// a business may reword with <c>policies/templates/coordinator/&lt;name&gt;.sbn</c>. <c>Decide</c> stays pure: it hands a
/// model and its built-in text, and gets text back. Hidden markers are never part of the model or the text: the caller
/// appends them, so no edit of the wording can break the state the coordinator reads back.
/// </summary>
public interface ICommentWording
{
    /// <summary>
    /// The text of comment <paramref name="name"/> (one of <see cref="CommentNames"/>) for <paramref name="model"/>: the
    /// business's template when it has one that renders, else <paramref name="builtIn"/> (what the shipped template says).
    /// String values of the model are neutralized before a template sees them; <see cref="CommentMarkup"/> values are ours.
    /// </summary>
    string Render(string name, IReadOnlyDictionary<string, object?> model, string builtIn);
}
