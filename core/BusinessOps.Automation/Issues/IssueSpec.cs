using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// An issue the automation wants opened: title, form fields and labels (routing, <c>agent/</c>, <c>priority/</c>,
/// <c>client/</c> already included), and the <see cref="Key"/> that makes opening it idempotent.
/// </summary>
public sealed record IssueSpec(string Title, IReadOnlyList<string> Labels, IReadOnlyList<FormField> Fields, AutomationKey Key)
{
    /// <summary>GitHub's limit on issue titles.</summary>
    public const int MaxTitleChars = 256;

    /// <summary>The agent named by an <c>agent/</c> label, if any.</summary>
    public string? Agent => Labels.FirstOrDefault(l => l.StartsWith(LabelNames.AgentPrefix, StringComparison.Ordinal))?[LabelNames.AgentPrefix.Length..];

    /// <summary>The client named by a <c>client/</c> label, if any.</summary>
    public string? Client => Labels.FirstOrDefault(l => l.StartsWith(LabelNames.ClientPrefix, StringComparison.Ordinal))?[LabelNames.ClientPrefix.Length..];

    /// <summary>The body (marker first, then the fields) and labels, ready for <see cref="IIssueStore"/>.</summary>
    public NewIssue ToNewIssue() => new(Title, IssueFormWriter.Write(Fields, Key), Labels);
}
