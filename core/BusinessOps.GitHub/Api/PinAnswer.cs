namespace BusinessOps.GitHub.Api;

/// <summary>The data of the pin lookup (<c>repository { issue }</c>) and of the pin mutation (<c>pin_issue: pinIssue { issue }</c>).</summary>
internal sealed class PinAnswer
{
    public PinnedIssueHolder? Repository { get; set; }

    public PinnedIssueHolder? PinIssue { get; set; }
}
