namespace BusinessOps.GitHub.Api;

/// <summary>One entry of a GraphQL answer's <c>errors</c> (GitHub answers 200 with these).</summary>
internal sealed class GraphQlError
{
    public string? Message { get; set; }
}
