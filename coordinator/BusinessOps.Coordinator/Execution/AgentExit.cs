using System.Text.Json;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Turns an agent's exit code and output into a <see cref="DispatchOutcome"/> (the agent contract: 0 ok, 1 transient,
/// 2 bad input). A result for another key is not believed; an exit 2 without a result is still bad input (the filer
/// must fix the issue), never an infrastructure fault. Pure.
/// </summary>
internal static class AgentExit
{
    private const string Executor = "local";

    public static DispatchOutcome Classify(DispatchRequest request, int exitCode, string stdout, string stderr)
    {
        AgentResult? result = null;
        string? parseError = null;
        try
        {
            result = string.IsNullOrWhiteSpace(stdout) ? null : JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult);
        }
        catch (JsonException ex)
        {
            parseError = ex.Message;
        }

        if (result is not null && result.Key != request.Key)
        {
            return DispatchOutcome.Failure(Executor, $"{request.Agent} answered for key {Core.Decisions.Text.Inline(result.Key)}, not {request.Key}; its result was not used", permanent: false);
        }

        if (exitCode == ExitCodes.Ok)
        {
            if (result is null)
            {
                var shown = Core.Decisions.Text.Inline(stdout.Length > 120 ? stdout[..120] : stdout);
                return DispatchOutcome.Failure(Executor, $"{request.Agent} exited 0 but printed no result JSON ({(parseError is null ? "empty output" : "not JSON: " + shown)})", permanent: false);
            }

            return new DispatchOutcome(DispatchStatus.Completed, Executor, Result: result);
        }

        var detail = result?.Summary ?? LastLine(stderr) ?? "no output";
        return exitCode switch
        {
            ExitCodes.BadInput => new DispatchOutcome(DispatchStatus.Failed, Executor, Result: result ?? BadInput(request, detail), Error: detail, Permanent: true),
            ExitCodes.Failure => new DispatchOutcome(DispatchStatus.Failed, Executor, Result: result, Error: detail),
            _ => DispatchOutcome.Failure(Executor, $"{request.Agent} crashed with exit code {exitCode}: {detail}", permanent: false),
        };
    }

    /// <summary>
    /// A warm worker's response on the Runtime API (the result JSON, failed results included — the Lambda loop answers every
    /// run with its result): classified as the exit code the same run would have ended with on the command line.
    /// </summary>
    public static DispatchOutcome ClassifyResponse(DispatchRequest request, string body)
    {
        AgentResult? result = null;
        try
        {
            result = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, CoreJson.Default.AgentResult);
        }
        catch (JsonException)
        {
            // Not a result: classified below as exit 0 without a result JSON.
        }

        var code = result?.Outcome == AgentOutcome.Failed ? (result.Permanent ? ExitCodes.BadInput : ExitCodes.Failure) : ExitCodes.Ok;
        return Classify(request, code, body, string.Empty);
    }

    /// <summary>The result an agent that exited 2 should have printed: bad input, permanent, in its own words (stderr).</summary>
    private static AgentResult BadInput(DispatchRequest request, string detail) => new()
    {
        Agent = request.Agent,
        Issue = request.Issue.Number,
        Key = request.Key,
        Outcome = AgentOutcome.Failed,
        Summary = $"{request.Agent} rejected the issue as bad input (exit 2) without printing a result: {detail}",
        Actions = ["Fix the issue as described and edit it; then comment /retry."],
        Classification = Classification.Routine,
        Confidence = 1,
        Permanent = true,
    };

    private static string? LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : lines[^1];
    }
}
