using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.GitHub.Effects.Parameters;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.labels</c>: adds and removes labels and sets the priority (the other <c>priority/*</c> labels go). Reads the
/// issue first and writes only the difference, so a repeat writes nothing and the check is the same comparison.
/// </summary>
internal sealed class LabelsEffect(GitHubEffectContext context) : IGitHubEffect
{
    public bool Repeatable => true;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (number, parameters) = Read(request);
        var issue = await context.Api.GetIssueAsync(number, cancellationToken);
        var (add, remove) = Difference(parameters, issue);
        if (add.Count + remove.Count > 0)
        {
            await steps.WriteAsync($"change the labels of #{number}", () => context.Store.UpdateLabelsAsync(number, add, remove, cancellationToken), $"labels of #{number} changed");
        }

        return EffectOutcome.Done(issue.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (number, parameters) = Read(request);
        var issue = await context.Api.GetIssueAsync(number, cancellationToken);
        var (add, remove) = Difference(parameters, issue);
        return add.Count + remove.Count == 0 ? EffectCheck.Performed(issue.HtmlUrl) : EffectCheck.NotPerformed;
    }

    /// <summary>The labels still to add and to remove (GitHub compares label names without regard to case).</summary>
    internal static (List<string> Add, List<string> Remove) Difference(LabelsParameters parameters, Issue issue)
    {
        var current = issue.Labels.Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = new List<string>(parameters.Add ?? []);
        var unwanted = new List<string>(parameters.Remove ?? []);
        if (parameters.Priority is { } priority)
        {
            var label = LabelNames.PriorityPrefix + priority;
            wanted.Add(label);
            unwanted.AddRange(current.Where(l => l.StartsWith(LabelNames.PriorityPrefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(l, label, StringComparison.OrdinalIgnoreCase)));
        }

        return (
            [.. wanted.Where(l => !current.Contains(l)).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. unwanted.Where(current.Contains).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    private static (int Number, LabelsParameters Parameters) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.LabelsParameters);
        var both = (parameters.Add ?? []).Intersect(parameters.Remove ?? [], StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (both is not null)
        {
            throw new EffectParameterException($"{request.Effect.Kind}: label '{Core.Governance.MarkdownSafe.Inline(both, 50)}' is both added and removed");
        }

        if (parameters.Priority is { } priority && (parameters.Remove ?? []).Contains(LabelNames.PriorityPrefix + priority, StringComparer.OrdinalIgnoreCase))
        {
            throw new EffectParameterException($"{request.Effect.Kind}: priority {Core.Governance.MarkdownSafe.Inline(priority, 10)} is set and its label removed");
        }

        return (EffectArguments.Issue(request), parameters);
    }
}
