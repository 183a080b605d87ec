using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.LocalStore;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Standalone use on a local store (<c>--store PATH</c>): read the issue from it and, with <c>--write-back</c>, post the
/// result comment through <see cref="ResultComment.ToWrite(IssueSnapshot, string, Core.Results.AgentResult)"/> — the function the coordinator writes with, so a key is
/// written once. Labels are left to the coordinator's next pass, which settles them from the result.
/// </summary>
internal static class StandaloneStore
{
    /// <summary>
    /// Opens an existing SQLite store as the bot identity (the coordinator's), writing through the one masker and
    /// neutraliser as the coordinator's writes do; a path that is not there is bad input.
    /// </summary>
    public static IIssueStore Open(string path, TimeProvider clock)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Store '{path}' does not exist: pass the path of a local store (e.g. .businessops/ops.db).");
        }

        SecretMasker.Process.AddFromEnvironment(ProcessEnvironment.Snapshot());
        return ScrubbingIssueStore.Wrap(SqliteIssueStore.Open(path, BotIdentity.Login, clock, BotIdentity.Login), SecretMasker.Process);
    }

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
                AgentLog.Write(result.Agent, result.Issue, result.Key, $"issue not found in {store.Location}; result not written back");
                return run;
            }

            if (ResultComment.ToWrite(current, store.Identity, result) is not { } body)
            {
                AgentLog.Write(result.Agent, result.Issue, result.Key, $"key {result.Key} already recorded; nothing written");
                return run;
            }

            await store.AddCommentAsync(result.Issue, body, ct);
            AgentLog.Write(result.Agent, result.Issue, result.Key, $"result {result.Outcome} written to {store.Location}; the coordinator's next pass settles the labels");
            return run;
        }
        catch (IssueStoreException ex)
        {
            // The analysis is fine but nobody can see it: a retry (new attempt) is the right answer.
            AgentLog.Write(result.Agent, result.Issue, result.Key, "write-back failed: " + ex.Message);
            var failed = ResultFactory.Failed(result.Agent, result.Issue, result.Key, "Result computed but write-back failed: " + ex.Message, permanent: false);
            return new AgentRun(failed, ResultFactory.ExitCodeFor(failed));
        }
    }
}
