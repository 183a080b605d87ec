using BusinessOps.Core.Scrubbing;
using BusinessOps.Logging;
using Serilog.Core;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// The agents' log: the same Serilog setup as the coordinator (<see cref="Logs"/>), on stderr (stdout carries only the result
/// JSON), with <c>Agent</c> and <c>Issue</c> (and <c>Key</c>, <c>Attempt</c> when known) as properties and every event masked.
/// The format is the coordinator's (inherited through <c>BUSINESSOPS_LOG_FORMAT</c>), else JSON in CI and Lambda. Never logs bodies.
/// </summary>
internal static class AgentLog
{
    private static readonly Lazy<Logger> Logger = new(Create);

    /// <summary>An event of the process, before any issue (the Lambda init phase).</summary>
    public static void Write(string message) => Logger.Value.Information(Logs.Literal(message));

    public static void Write(string agent, int issue, string message) =>
        Logger.Value.ForContext(LogProperties.Agent, agent).ForContext(LogProperties.Issue, issue).Information("{Agent:l} #{Issue} " + Logs.Literal(message));

    /// <summary>The same, for an event of one dispatch: its idempotency key (and so its attempt) become properties too.</summary>
    public static void Write(string agent, int issue, string key, string message) =>
        Logger.Value.ForContext(LogProperties.Key, key).ForContext(LogProperties.Agent, agent).ForContext(LogProperties.Issue, issue).Information("{Agent:l} #{Issue} " + Logs.Literal(message));

    private static Logger Create()
    {
        var environment = ProcessEnvironment.Snapshot();
        SecretMasker.Process.AddFromEnvironment(environment);
        var format = LogFormats.Choose(null, environment) ?? LogFormat.Text;
        return Logs.Create(() => Console.Error, format, verbose: false, SecretMasker.Process);
    }
}
