namespace BusinessOps.Automation.Feeds;

/// <summary>The content is not an RSS, Atom or JSON feed (or is a broken one); the message says what was found.</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
