using System.Text;

namespace BusinessOps.Connectors.Commands;

/// <summary>Reads a stream to its end keeping at most a number of characters; the rest is drained so the writer never blocks.</summary>
internal static class BoundedReader
{
    public static async Task<(string Text, bool Cut)> ReadAsync(StreamReader reader, int maxChars, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        var buffer = new char[4096];
        var cut = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            var room = maxChars - sb.Length;
            if (read > room)
            {
                cut = true;
            }

            sb.Append(buffer, 0, Math.Max(0, Math.Min(read, room)));
        }

        return (sb.ToString(), cut);
    }
}
