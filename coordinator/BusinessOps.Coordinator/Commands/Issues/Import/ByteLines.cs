using System.Buffers;
using System.Runtime.CompilerServices;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// Splits a byte stream into lines ('\n', with a trailing '\r' dropped), never holding more than one line of at most
/// <c>maxBytes</c>: a longer line is skipped to its end and reported as too long. A UTF-8 byte order mark is dropped.
/// </summary>
internal static class ByteLines
{
    public readonly record struct Line(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong, long BytesRead);

    public static async IAsyncEnumerable<Line> ReadAsync(Stream input, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = new ArrayBufferWriter<byte>();
        long number = 1, consumed = 0;
        var tooLong = false;
        var first = true;
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                var span = buffer.AsMemory(0, read);
                if (first)
                {
                    first = false;
                    if (span.Span.StartsWith("\uFEFF"u8))
                    {
                        span = span[3..];
                        consumed += 3;
                    }
                }

                while (span.Length > 0)
                {
                    var end = span.Span.IndexOf((byte)'\n');
                    var part = end < 0 ? span : span[..end];
                    consumed += part.Length + (end < 0 ? 0 : 1);
                    if (!tooLong && line.WrittenCount + part.Length > maxBytes)
                    {
                        tooLong = true;
                        line.ResetWrittenCount();
                    }

                    if (!tooLong)
                    {
                        line.Write(part.Span);
                    }

                    if (end < 0)
                    {
                        break;
                    }

                    yield return Finish(number++, line, tooLong, consumed);
                    line = new ArrayBufferWriter<byte>();
                    tooLong = false;
                    span = span[(end + 1)..];
                }
            }

            if (line.WrittenCount > 0 || tooLong)
            {
                yield return Finish(number, line, tooLong, consumed);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Line Finish(long number, ArrayBufferWriter<byte> line, bool tooLong, long consumed)
    {
        var bytes = line.WrittenMemory;
        if (bytes.Length > 0 && bytes.Span[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new Line(number, tooLong ? ReadOnlyMemory<byte>.Empty : bytes, tooLong, consumed);
    }
}
