namespace BusinessOps.Core.Comments;

/// <summary>
/// One coordinator comment before its wording is chosen: which template (<see cref="CommentNames"/>), the values it
/// receives, and the built-in text for the same values (what the shipped template says). Strings of the model are
/// neutralized before a template sees them; <see cref="CommentMarkup"/> values are Markdown we composed.
/// </summary>
/// <param name="Name">The template's name, one of <see cref="CommentNames.All"/>.</param>
/// <param name="Model">The values the template receives (snake_case names).</param>
/// <param name="BuiltIn">The text when the business has no template for it, or its template fails.</param>
public sealed record CommentText(string Name, IReadOnlyDictionary<string, object?> Model, string BuiltIn)
{
    /// <summary>The text in <paramref name="wording"/>.</summary>
    public string Render(ICommentWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return wording.Render(Name, Model, BuiltIn);
    }
}
