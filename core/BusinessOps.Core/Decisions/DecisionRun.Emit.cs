namespace BusinessOps.Core.Decisions;

/// <summary>Turns the desired state into the minimal list of writes.</summary>
internal sealed partial class DecisionRun
{
    public IReadOnlyList<OpsAction> Emit()
    {
        if (_extra.FirstOrDefault(a => a is LookupPermissions) is { } lookup)
        {
            return [lookup];
        }

        var actions = new List<OpsAction>(4);
        var status = _state.Status;
        foreach (var (label, _) in _labels.Statuses)
        {
            if (!string.Equals(label, status, StringComparison.OrdinalIgnoreCase))
            {
                _remove.Add(label);
            }
        }

        if (status is not null && !issue.HasLabel(status))
        {
            _add.Add(status);
        }

        var add = _add.Where(l => !issue.HasLabel(l)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var remove = _remove.Where(issue.HasLabel).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (add.Count > 0 || remove.Count > 0)
        {
            actions.Add(new ChangeLabels(add, remove));
        }

        if (_history.State.Rebuilt && _history.StatusComment is { } broken)
        {
            Note("rebuilt:" + broken.Id, "The hidden state of my status comment was missing or unreadable, so I rebuilt it from the labels and the agents' result comments. Nothing was dispatched twice.");
            _state = _state with { Rebuilt = false };
        }

        // The marker is the source of truth: an unchanged state needs no render (the hot path of an idle pass).
        var unchanged = _history.StatusComment is not null && _history.StateValid && _state == _history.State;
        if (!unchanged)
        {
            var body = StatusComment.Render(_state, issue.Number, policies, _labels.Clients);
            if (_history.StatusComment?.Body != body)
            {
                actions.Add(new UpsertStatusComment(_history.StatusComment?.Id, body, _state));
            }
        }

        actions.AddRange(_extra);
        if (_dispatch is not null)
        {
            actions.Add(_dispatch);
        }

        return actions;
    }
}
