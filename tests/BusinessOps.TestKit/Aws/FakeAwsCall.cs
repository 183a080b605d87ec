namespace BusinessOps.TestKit.Aws;

/// <summary>
/// One request the fake received: operation (<c>Invoke</c>, <c>SubmitJob</c>, …), the signing service, the raw body,
/// the virtual arrival time, and the answer status. <see cref="Problem"/> says why it was rejected, if it was.
/// </summary>
public sealed record FakeAwsCall(
    string Operation,
    string? Service,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset At,
    int Status,
    string? Problem);
