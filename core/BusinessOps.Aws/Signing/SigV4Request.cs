namespace BusinessOps.Aws.Signing;

/// <summary>
/// What SigV4 signs. <see cref="Path"/> is the path exactly as it goes on the wire (already percent-encoded where
/// needed); the signer encodes each segment once more, as every service but S3 expects. Query pairs are unencoded.
/// Headers keep their order and duplicates (duplicates are joined with commas, as the test suite requires).
/// </summary>
public sealed record SigV4Request(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
