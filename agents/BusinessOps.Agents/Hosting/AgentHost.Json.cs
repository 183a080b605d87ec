using System.Text.Json;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Agents.Hosting;

/// <summary>Entry points for hosts that receive the issue as JSON (the Lambda runtime loop).</summary>
public static partial class AgentHost
{
    /// <summary>
    /// Parses <paramref name="issueJson"/> (GitHub REST issue shape, at most 1 MB) and runs <see cref="ProcessAsync"/>.
    /// Invalid or oversized JSON is a bad-input run (outcome failed, permanent, exit code 2), never an exception.
    /// <paramref name="clock"/> dates an issue whose JSON carries no timestamps.
    /// </summary>
    public static Task<AgentRun> ProcessIssueJsonAsync(IAgent agent, ReadOnlyMemory<byte> issueJson, int number, string key, string phase, DispatchContext? context, TimeProvider clock, CancellationToken cancellationToken) =>
        ProcessParsedAsync(agent, () => IssueJsonReader.Parse(issueJson.Span, number, clock.GetUtcNow()), number, key, phase, context, cancellationToken);

    /// <summary>The result as the contract's JSON document: indented, enums spelled <c>needs-approval</c>, <c>easily_reversible</c>.</summary>
    public static string FormatResult(AgentResult result) => JsonSerializer.Serialize(result, CoreJson.Pretty.AgentResult);

    /// <summary>Reads the issue with <paramref name="read"/>; bad issue data becomes a failed, permanent result.</summary>
    internal static Task<AgentRun> ProcessParsedAsync(IAgent agent, Func<IssueSnapshot> read, int number, string key, string phase, DispatchContext? context, CancellationToken cancellationToken)
    {
        IssueSnapshot issue;
        try
        {
            issue = read();
        }
        catch (BadInputException ex)
        {
            AgentLog.Write(agent.Name, number, key, "bad issue data: " + ex.Message);
            return Task.FromResult(new AgentRun(ResultFactory.Failed(agent.Name, number, key, ex.Message, permanent: true), ExitCodes.BadInput));
        }

        return ProcessAsync(agent, issue, key, phase, context, cancellationToken);
    }
}
