using System.Text;

namespace BusinessOps.GitHub.Api;

/// <summary>
/// Keeps comment bodies within GitHub's 65,536-character limit. The visible text is cut with a note saying so;
/// hidden <c>&lt;!-- businessops:… --&gt;</c> markers are kept whole at the end, because the state lives in them.
/// </summary>
internal static class CommentBodies
{
    public const int MaxLength = 65_536;
    private const string MarkerStart = "<!-- businessops:";
    private const string MarkerEnd = " -->";
    private const string Note = "\n\n*… truncated by BusinessOps: this comment exceeded GitHub's 65,536-character limit.*\n";

    public static string Bound(string body)
    {
        if (body.Length <= MaxLength)
        {
            return body;
        }

        var markers = new StringBuilder();
        var visible = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var start = body.IndexOf(MarkerStart, position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : body.IndexOf(MarkerEnd, start, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                visible.Append(body, position, body.Length - position);
                break;
            }

            visible.Append(body, position, start - position);
            markers.Append('\n').Append(body, start, end + MarkerEnd.Length - start);
            position = end + MarkerEnd.Length;
        }

        var room = MaxLength - Note.Length - markers.Length;
        if (room < 0)
        {
            // Markers alone overflow: nothing sensible to keep but a hard cut.
            return SafeCut(body, MaxLength);
        }

        return SafeCut(visible.ToString(), room) + Note + markers;
    }

    private static string SafeCut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Never split a surrogate pair.
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
