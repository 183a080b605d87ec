namespace BusinessOps.GitHub.Json;

/// <summary>An issue comment. <see cref="IssueUrl"/> (ending in <c>/issues/{number}</c>) ties repository-wide listings to their issue.</summary>
internal sealed record CommentDto(long Id, string? Body, UserDto? User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? IssueUrl = null)
{
    /// <summary>The issue number parsed from <see cref="IssueUrl"/>, or 0.</summary>
    public int IssueNumber()
    {
        var slash = IssueUrl?.LastIndexOf('/') ?? -1;
        return slash >= 0 && int.TryParse(IssueUrl.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
