namespace BusinessOps.Aws.Http;

/// <summary>
/// One AWS API call. <see cref="Action"/> is the IAM action (<c>batch:SubmitJob</c>) and <see cref="Resource"/> what it
/// targets, both for error messages. <see cref="Idempotent"/> calls are also retried after 5xx and timeouts;
/// the others only after throttling, which AWS guarantees did not run the call. <see cref="Timeout"/> replaces the
/// per-attempt timeout for calls that wait on purpose (an SQS long poll).
/// </summary>
internal sealed record AwsCall(
    string Operation,
    string Action,
    string Resource,
    HttpMethod Method,
    string Path,
    byte[] Body,
    bool Idempotent,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    string ContentType = "application/json",
    TimeSpan? Timeout = null);
