namespace BusinessOps.Core.Comments;

/// <summary>The built-in wording of every coordinator comment (no template folder, or none for the comment).</summary>
public sealed class BuiltInWording : ICommentWording
{
    public static BuiltInWording Instance { get; } = new();

    public string Render(string name, IReadOnlyDictionary<string, object?> model, string builtIn) => builtIn;
}
