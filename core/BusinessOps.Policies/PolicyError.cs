namespace BusinessOps.Policies;

/// <summary>
/// One problem found while loading policies. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// 0 means the problem concerns the file (or directory) as a whole, not a position in it.
/// </summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, the shape compilers use, so editors and CI annotate it.</summary>
    public override string ToString() => Line > 0
        ? $"{File}:{Line}:{Column}: {Message}"
        : $"{File}: {Message}";
}
