using System.Text;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Reads one of a child's output streams until it ends or reading is cancelled, keeping a bounded part, so a chatty
/// agent never fills a pipe and blocks (both streams are drained at once). <see cref="Head"/> keeps the first characters
/// and reports overflow (stdout: a result is one document); <see cref="Tail"/> keeps the last ones and reads on (stderr:
/// the last lines say what went wrong). Either returns what it kept when cancelled or when the pipe breaks.
/// </summary>
internal static class StreamDrain
{
    private const int ChunkChars = 8192;

    public static async Task<(string Text, bool Overflow)> Head(StreamReader reader, int maxChars, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var buffer = new char[ChunkChars];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                if (sb.Length + n > maxChars)
                {
                    return (sb.ToString(), true);
                }

                sb.Append(buffer, 0, n);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped reading (the agent is gone or reading was cancelled): what was kept is the answer.
        }

        return (sb.ToString(), false);
    }

    /// <summary>Reads to the end; keeps the last <paramref name="maxChars"/> characters and says how many were dropped.</summary>
    public static async Task<(string Text, long Dropped)> Tail(StreamReader reader, int maxChars, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var buffer = new char[ChunkChars];
        long dropped = 0;
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                sb.Append(buffer, 0, n);
                if (sb.Length > 2 * maxChars)
                {
                    var cut = sb.Length - maxChars;
                    dropped += cut;
                    sb.Remove(0, cut);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped reading: keep what was read.
        }

        if (sb.Length > maxChars)
        {
            dropped += sb.Length - maxChars;
            sb.Remove(0, sb.Length - maxChars);
        }

        return (sb.ToString(), dropped);
    }
}
