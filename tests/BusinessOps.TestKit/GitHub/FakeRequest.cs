namespace BusinessOps.TestKit.GitHub;

/// <summary>One request the fake server answered: method, path (with query), the fake clock's time, and the status sent.</summary>
public sealed record FakeRequest(string Method, string Path, DateTimeOffset At, int Status)
{
    public bool IsWrite => Method is "POST" or "PATCH" or "PUT" or "DELETE";
}
