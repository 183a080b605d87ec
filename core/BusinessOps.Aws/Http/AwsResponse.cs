namespace BusinessOps.Aws.Http;

/// <summary>A successful response: status, body, and AWS's request id (<c>x-amzn-RequestId</c>) for support tickets.</summary>
internal sealed record AwsResponse(int StatusCode, byte[] Body, string? RequestId);
