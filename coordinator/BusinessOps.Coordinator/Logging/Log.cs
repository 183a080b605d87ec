using BusinessOps.Core.Scrubbing;
using BusinessOps.Logging;
using Serilog;
using Serilog.Core;

namespace BusinessOps.Coordinator.Logging;

/// <summary>
/// The coordinator's log: a thin facade over Serilog (see <see cref="Logs"/>) so call sites stay one line. Interpolated
/// messages become templates with properties (<c>$"#{issue.Number} {d.Agent}"</c> logs <c>Issue</c> and <c>Agent</c>);
/// every event is masked. Written to stderr: stdout is reserved for results and <c>--json</c>.
/// </summary>
public sealed class Log
{
    private readonly ILogger _logger;

    // Warnings about the setup (a placeholder in alerts.yml) that several parts of one run check: said once per run.
    private readonly HashSet<string> _saidOnce;

    public Log(ILogger logger, bool verbose)
        : this(logger, verbose, new HashSet<string>(StringComparer.Ordinal))
    {
    }

    private Log(ILogger logger, bool verbose, HashSet<string> saidOnce)
    {
        _logger = logger;
        Verbose = verbose;
        _saidOnce = saidOnce;
    }

    /// <summary>A text log to <paramref name="writer"/>, masked with the process masker (tests and tools).</summary>
    public Log(TextWriter writer, bool verbose = false, LogFormat format = LogFormat.Text)
        : this(Logs.Create(() => writer, format, verbose, SecretMasker.Process), verbose)
    {
    }

    public static Log Quiet { get; } = new(Logger.None, verbose: false);

    public bool Verbose { get; }

    /// <summary>A log whose every event carries <paramref name="name"/> = <paramref name="value"/> (e.g. <see cref="LogProperties.Issue"/>).</summary>
    public Log With(string name, object? value) => new(_logger.ForContext(name, value), Verbose, _saidOnce);

    public void Info(string message) => _logger.Information(Logs.Literal(message));

    public void Info(ref LogMessage message) => _logger.Information(message.Template, message.Values);

    public void Warn(string message) => _logger.Warning(Logs.Literal(message));

    public void Warn(ref LogMessage message) => _logger.Warning(message.Template, message.Values);

    /// <summary>Warns unless this log (or one made from it by <see cref="With"/>) already said <paramref name="message"/>.</summary>
    public void WarnOnce(string message)
    {
        bool first;
        lock (_saidOnce)
        {
            first = _saidOnce.Add(message);
        }

        if (first)
        {
            Warn(message);
        }
    }

    public void Error(string message) => _logger.Error(Logs.Literal(message));

    public void Error(ref LogMessage message) => _logger.Error(message.Template, message.Values);

    public void Debug(string message) => _logger.Debug(Logs.Literal(message));

    public void Debug(ref LogMessage message) => _logger.Debug(message.Template, message.Values);
}
