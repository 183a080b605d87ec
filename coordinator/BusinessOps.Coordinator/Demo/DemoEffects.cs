using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;

namespace BusinessOps.Coordinator.Demo;

/// <summary>What the demo's approved plans did: effects done and failed across every issue's ledger.</summary>
internal static class DemoEffects
{
    public static (int Done, int Failed) Count(IReadOnlyList<IssueSnapshot> issues, PolicySet policies)
    {
        var done = 0;
        var failed = 0;
        foreach (var issue in issues)
        {
            foreach (var record in IssueStateReader.Read(issue, policies).State.Effects ?? [])
            {
                done += record.Status == EffectStatus.Done ? 1 : 0;
                failed += record.Status is EffectStatus.Failed or EffectStatus.Unknown ? 1 : 0;
            }
        }

        return (done, failed);
    }
}
