using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Standalone use on a local store (<c>--store PATH</c>): read the issue from it and, with <c>--write-back</c>, post the
/// result comment through <see cref="ResultComment.ToWrite(IssueSnapshot, string, Core.Results.AgentResult)"/> — the function the coordinator writes with, so a key is
/// written once. Labels are left to the coordinator's next pass, which settles them from the result.
/// </summary>
internal static class StandaloneStore
{
    /// <summary>Opens an existing SQLite store as the bot identity (the coordinator's); a path that is not there is bad input.</summary>
    public static SqliteIssueStore Open(string path) =>
        File.Exists(path)
            ? SqliteIssueStore.Open(path, SqliteIssueStore.DefaultIdentity, TimeProvider.System, SqliteIssueStore.DefaultIdentity)
            : throw new BadInputException($"Store '{path}' does not exist: pass the path of a local store (e.g. .businessops/ops.db).");

    public static async Task<IssueSnapshot> ReadIssueAsync(IIssueStore store, int number, CancellationToken ct) =>
        await store.GetIssueAsync(number, ct) ?? throw new BadInputException($"Issue #{number} does not exist in {store.Location}.");

    /// <summary>Posts the result comment unless the key is already recorded; a store failure turns the run into a transient failure.</summary>
    public static async Task<AgentRun> WriteBackAsync(IIssueStore store, AgentRun run, CancellationToken ct)
    {
        var result = run.Result;
        try
        {
            if (await store.GetIssueAsync(result.Issue, ct) is not { } current)
            {
                AgentLog.Write(result.Agent, result.Issue, $"issue not found in {store.Location}; result not written back");
                return run;
            }

            if (ResultComment.ToWrite(current, store.Identity, result) is not { } body)
            {
                AgentLog.Write(result.Agent, result.Issue, $"key {result.Key} already recorded; nothing written");
                return run;
            }

            await store.AddCommentAsync(result.Issue, body, ct);
            AgentLog.Write(result.Agent, result.Issue, $"result {result.Outcome} written to {store.Location}; the coordinator's next pass settles the labels");
            return run;
        }
        catch (IssueStoreException ex)
        {
            // The analysis is fine but nobody can see it: a retry (new attempt) is the right answer.
            AgentLog.Write(result.Agent, result.Issue, "write-back failed: " + ex.Message);
            var failed = ResultFactory.Failed(result.Agent, result.Issue, result.Key, "Result computed but write-back failed: " + ex.Message, permanent: false);
            return new AgentRun(failed, ResultFactory.ExitCodeFor(failed));
        }
    }
}
