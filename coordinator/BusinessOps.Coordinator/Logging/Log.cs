namespace BusinessOps.Coordinator.Logging;

/// <summary>
/// The coordinator's log: one masked line per event on stderr (stdout is reserved for results and --json).
/// Lines look like <c>info  #12 ai-qa-agent dispatched key=…</c>.
/// </summary>
public sealed class Log(TextWriter writer, bool verbose = false)
{
    private readonly Lock _gate = new();

    public static Log Quiet { get; } = new(TextWriter.Null);

    public bool Verbose => verbose;

    public void Info(string message) => Write("info ", message);

    public void Warn(string message) => Write("warn ", message);

    public void Error(string message) => Write("error", message);

    public void Debug(string message)
    {
        if (verbose)
        {
            Write("debug", message);
        }
    }

    private void Write(string level, string message)
    {
        var line = level + " " + SecretMasker.Mask(message);
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }
}
