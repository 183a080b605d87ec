namespace BusinessOps.Core.Comments;

/// <summary>
/// A model value the coordinator composed itself as Markdown (mentions from <c>sla.yml</c>, code spans, a list it built
/// from neutralized parts): a template gets it as is, where any other string is neutralized first.
/// </summary>
/// <param name="Text">The Markdown.</param>
public sealed record CommentMarkup(string Text)
{
    public override string ToString() => Text;
}
