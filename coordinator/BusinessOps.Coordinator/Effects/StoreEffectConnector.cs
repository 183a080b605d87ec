using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Effects;

/// <summary>
/// The <c>github.*</c> effects an issue store can perform by itself — labels and priority, comments, new issues and
/// closing — for the embedded SQLite store, where there is no repository to branch, deploy or set statuses on (those
/// kinds are refused before anything runs, naming why). Comments and issues carry their key in a hidden marker
/// (<see cref="EffectMarker"/>), so a rerun asks the store instead of writing twice; labels and closing are idempotent.
/// On GitHub the coordinator uses the GitHub connector instead (the store's client, pacing and budget).
/// </summary>
internal sealed class StoreEffectConnector(IIssueStore store) : IEffectConnector
{
    public string? Unavailable(Effect effect) => effect.Kind switch
    {
        EffectKinds.GitHubLabels or EffectKinds.GitHubComment or EffectKinds.GitHubIssue or EffectKinds.GitHubClose => null,
        _ => $"{effect.Kind} needs a GitHub repository; the local store has none (run with --store github)",
    };

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var effect = request.Effect;
        if (Unavailable(effect) is { } unavailable)
        {
            return EffectOutcome.Failed(unavailable, permanent: true);
        }

        if (!EffectShape.TryIssueNumber(effect.Target, out var number) || await store.GetIssueAsync(number, cancellationToken) is not { } issue)
        {
            return EffectOutcome.Failed($"{effect.Kind}: issue {effect.Target} does not exist in this store", permanent: true);
        }

        var p = effect.Parameters;
        try
        {
            switch (effect.Kind)
            {
                case EffectKinds.GitHubLabels:
                    var (add, remove) = Labels(issue, EffectParameters.Texts(p, "add"), EffectParameters.Texts(p, "remove"), EffectParameters.Text(p, "priority"));
                    await store.UpdateLabelsAsync(number, add, remove, cancellationToken);
                    return EffectOutcome.Done($"{effect.Target} labels +[{string.Join(", ", add)}] -[{string.Join(", ", remove)}]");
                case EffectKinds.GitHubComment:
                    var comment = await store.AddCommentAsync(number, EffectMarker.Append(EffectParameters.Text(p, "body") ?? string.Empty, request.KeyText), cancellationToken);
                    return EffectOutcome.Done(string.Create(CultureInfo.InvariantCulture, $"{effect.Target} comment {comment.Id}"));
                case EffectKinds.GitHubIssue:
                    var body = EffectMarker.Append((EffectParameters.Text(p, "body") ?? string.Empty) + $"\n\nPart of {effect.Target}.", request.KeyText);
                    var created = await store.CreateIssueAsync(new NewIssue(EffectParameters.Text(p, "title") ?? "(untitled)", body, EffectParameters.Texts(p, "labels")), cancellationToken);
                    return EffectOutcome.Done(string.Create(CultureInfo.InvariantCulture, $"#{created.Number}"));
                default:
                    if (EffectParameters.Text(p, "comment") is { } note)
                    {
                        await store.AddCommentAsync(number, EffectMarker.Append(note, request.KeyText), cancellationToken);
                    }

                    await store.SetStateAsync(number, IssueState.Closed, cancellationToken);
                    return EffectOutcome.Done($"{effect.Target} closed ({EffectParameters.Text(p, "reason") ?? "completed"})");
            }
        }
        catch (IssueStoreException ex) when (ex.Kind is StoreErrorKind.NotFound or StoreErrorKind.Invalid)
        {
            return EffectOutcome.Failed($"{effect.Kind} on {effect.Target}: {ex.Message}", permanent: true);
        }
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var effect = request.Effect;
        if (!EffectShape.TryIssueNumber(effect.Target, out var number))
        {
            return EffectCheck.CannotTell("the target is not an issue");
        }

        switch (effect.Kind)
        {
            case EffectKinds.GitHubLabels:
            case EffectKinds.GitHubClose when EffectParameters.Text(effect.Parameters, "comment") is null:
                // Setting labels or closing twice changes nothing: performing it again is the check.
                return EffectCheck.NotPerformed;
            case EffectKinds.GitHubIssue:
                var issues = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), cancellationToken);
                var ours = issues.FirstOrDefault(i => string.Equals(i.Author, store.Identity, StringComparison.OrdinalIgnoreCase) && EffectMarker.IsIn(i.Body, request.KeyText));
                return ours is null ? EffectCheck.NotPerformed : EffectCheck.Performed(string.Create(CultureInfo.InvariantCulture, $"#{ours.Number}"));
            default:
                var issue = await store.GetIssueAsync(number, cancellationToken);
                var comment = issue?.Comments.LastOrDefault(c => string.Equals(c.Author, store.Identity, StringComparison.OrdinalIgnoreCase) && EffectMarker.IsIn(c.Body, request.KeyText));
                if (comment is not null)
                {
                    return EffectCheck.Performed(string.Create(CultureInfo.InvariantCulture, $"{effect.Target} comment {comment.Id}"));
                }

                return effect.Kind == EffectKinds.GitHubClose && issue?.State == IssueState.Closed ? EffectCheck.Performed($"{effect.Target} closed") : EffectCheck.NotPerformed;
        }
    }

    /// <summary>The labels to add and remove; a priority replaces whatever priority label the issue has.</summary>
    private static (List<string> Add, List<string> Remove) Labels(IssueSnapshot issue, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? priority)
    {
        var toAdd = add.Where(l => !issue.HasLabel(l)).ToList();
        var toRemove = remove.Where(issue.HasLabel).ToList();
        if (priority is not null)
        {
            var label = LabelNames.PriorityPrefix + priority;
            if (!issue.HasLabel(label))
            {
                toAdd.Add(label);
            }

            toRemove.AddRange(issue.Labels.Where(l => l.StartsWith(LabelNames.PriorityPrefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(l, label, StringComparison.OrdinalIgnoreCase)));
        }

        return (toAdd, toRemove);
    }
}
