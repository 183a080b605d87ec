namespace BusinessOps.Logging;

/// <summary>Stands in for a logged exception: its text is the original's <c>ToString()</c> with secrets masked.</summary>
public sealed class MaskedException : Exception
{
    private readonly string _text = string.Empty;

    public MaskedException()
    {
    }

    public MaskedException(string message)
        : base(message)
    {
        _text = message;
    }

    public MaskedException(string message, Exception innerException)
        : base(message, innerException)
    {
        _text = message;
    }

    /// <summary>An exception whose <c>ToString()</c> is <paramref name="text"/> (the original, masked).</summary>
    internal MaskedException(string message, string text)
        : base(message)
    {
        _text = text;
    }

    public override string ToString() => _text;
}
