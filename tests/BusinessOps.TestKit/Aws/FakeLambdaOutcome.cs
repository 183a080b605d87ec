namespace BusinessOps.TestKit.Aws;

/// <summary>
/// What the fake function did with one event: answered (<see cref="Response"/>, JSON) or failed with a function error
/// (<see cref="ErrorMessage"/>), or never ran because the event expired (<see cref="Expired"/>).
/// </summary>
public sealed record FakeLambdaOutcome(string? Response, string? ErrorMessage = null, bool Expired = false)
{
    public static FakeLambdaOutcome Answer(string json) => new(json);

    public static FakeLambdaOutcome Error(string message) => new(null, message);

    public static FakeLambdaOutcome Expire() => new(null, null, Expired: true);
}
