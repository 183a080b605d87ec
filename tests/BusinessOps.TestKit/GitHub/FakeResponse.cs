namespace BusinessOps.TestKit.GitHub;

/// <summary>What a fake route answers before the server adds rate-limit headers and ETag handling.</summary>
internal sealed record FakeResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(int status, byte[] body, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);

    public static FakeResponse Error(int status, string message, string? code = null, string? field = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, FakeGitHubJson.Message(message, code, field), headers);

    public static FakeResponse NotFound() => Error(404, "Not Found");
}
