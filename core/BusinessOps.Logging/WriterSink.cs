using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BusinessOps.Logging;

/// <summary>
/// Writes each formatted event to a text writer, one call per event under a lock so lines never interleave. The writer is
/// looked up per event, so an agent writing to <c>Console.Error</c> follows a redirection made after start-up.
/// </summary>
internal sealed class WriterSink(Func<TextWriter> writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Format(logEvent, buffer);
        lock (_gate)
        {
            var output = writer();
            output.Write(buffer.ToString());
            output.Flush();
        }
    }
}
