namespace BusinessOps.Agents.Prose;

/// <summary>An OpenAI-compatible endpoint (<c>OPENAI_BASE_URL</c>, e.g. <c>https://api.openai.com/v1</c>) and its key (<c>OPENAI_API_KEY</c>).</summary>
public sealed record LanguageModelEndpoint(Uri BaseUrl, string ApiKey)
{
    public const string BaseUrlVariable = "OPENAI_BASE_URL";
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The endpoint from the process environment, or null when either variable is missing or the URL is not absolute http(s).</summary>
    public static LanguageModelEndpoint? FromEnvironment() =>
        From(Environment.GetEnvironmentVariable(BaseUrlVariable), Environment.GetEnvironmentVariable(ApiKeyVariable));

    public static LanguageModelEndpoint? From(string? baseUrl, string? apiKey) =>
        !string.IsNullOrWhiteSpace(apiKey) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new LanguageModelEndpoint(uri, apiKey)
            : null;

    /// <summary>Never prints the key.</summary>
    public override string ToString() => BaseUrl.ToString();
}
