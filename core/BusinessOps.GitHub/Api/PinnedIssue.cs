namespace BusinessOps.GitHub.Api;

/// <summary>An issue's node id and pin state (<c>node_id: id</c>, <c>is_pinned: isPinned</c>).</summary>
internal sealed class PinnedIssue
{
    public string? NodeId { get; set; }

    public bool IsPinned { get; set; }
}
