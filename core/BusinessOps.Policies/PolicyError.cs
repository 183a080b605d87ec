namespace BusinessOps.Policies;

/// <summary>
/// One problem found while loading policies. <see cref="Line"/> and <see cref="Column"/> are 1-based. A problem with a file
/// as a whole is reported at 1:1 (<see cref="ForFile"/>), so editors and CI annotations still point at the file; only a
/// problem with a directory, which has no lines, has 0.
/// </summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    /// <summary>A problem with <paramref name="file"/> as a whole, at its first position.</summary>
    public static PolicyError ForFile(string file, string message) => new(file, 1, 1, message);

    /// <summary><c>file:line:column: message</c>, the shape compilers use, so editors and CI annotate it.</summary>
    public override string ToString() => Line > 0
        ? $"{File}:{Line}:{Column}: {Message}"
        : $"{File}: {Message}";
}
