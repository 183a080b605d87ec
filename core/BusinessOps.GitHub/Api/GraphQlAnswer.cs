namespace BusinessOps.GitHub.Api;

/// <summary>A GraphQL answer as Octokit's reader fills it (settable properties; our queries alias fields to snake_case).</summary>
internal sealed class GraphQlAnswer<T>
{
    public T? Data { get; set; }

    public List<GraphQlError>? Errors { get; set; }
}
