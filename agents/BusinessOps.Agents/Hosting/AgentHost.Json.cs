using System.Text.Json;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>Entry points for hosts that receive the issue as JSON bytes (the Lambda runtime loop).</summary>
public static partial class AgentHost
{
    /// <summary>
    /// Parses <paramref name="issueJson"/> (GitHub REST issue shape, at most 1 MB) and runs <see cref="ProcessAsync"/>.
    /// Invalid or oversized JSON is a bad-input run (outcome failed, permanent, exit code 2), never an exception.
    /// </summary>
    public static Task<AgentRun> ProcessIssueJsonAsync(string agent, ReadOnlyMemory<byte> issueJson, int number, string key, string phase, IIssueStore? store, CancellationToken cancellationToken)
    {
        try
        {
            var issue = IssueJsonReader.Parse(issueJson.Span, number, TimeProvider.System.GetUtcNow());
            return ProcessAsync(agent, issue, key, phase, store, cancellationToken);
        }
        catch (BadInputException ex)
        {
            var name = AgentNames.TryNormalize(agent, out var normalized) ? normalized : agent;
            AgentLog.Write(name, number, "bad issue data: " + ex.Message);
            return Task.FromResult(new AgentRun(ResultFactory.Failed(name, number, key, ex.Message, permanent: true), ExitCodes.BadInput));
        }
    }

    /// <summary>The result as the contract's JSON document: indented, enums spelled <c>needs-approval</c>, <c>easily_reversible</c>.</summary>
    public static string FormatResult(AgentResult result) => JsonSerializer.Serialize(result, CoreJson.Pretty.AgentResult);
}
