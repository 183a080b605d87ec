using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// What an automatically opened issue looks like: a title and form fields with placeholders
/// (<see cref="TemplateText"/>), the agent that handles it (as an <c>agent/</c> label), routing labels and a priority.
/// The client is not part of the template: the caller names it, so a schedule can never pick another client's label.
/// </summary>
public sealed record IssueTemplate(string Title, string? Agent, IReadOnlyList<string> Labels, Priority? Priority, IReadOnlyList<FormField> Fields)
{
    /// <summary>The issue for one occasion: placeholders filled from <paramref name="values"/>, labels completed.</summary>
    public IssueSpec Render(IReadOnlyDictionary<string, string> values, string? client, AutomationKey key)
    {
        var title = TemplateText.Render(Title, values).ReplaceLineEndings(" ").Trim();
        if (title.Length > IssueSpec.MaxTitleChars)
        {
            title = string.Concat(title.AsSpan(0, IssueSpec.MaxTitleChars - 1), "…");
        }

        var labels = new List<string>(Labels);
        if (Agent is { } agent)
        {
            labels.Add(LabelNames.AgentPrefix + agent);
        }

        if (Priority is { } priority)
        {
            labels.Add(LabelNames.For(priority));
        }

        if (client is not null)
        {
            labels.Add(LabelNames.ClientPrefix + client);
        }

        var fields = Fields.Select(f => f with { Value = TemplateText.Render(f.Value, values) }).ToList();
        return new IssueSpec(title, labels.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), fields, key);
    }
}
