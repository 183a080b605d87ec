namespace BusinessOps.GitHub.Auth;

/// <summary>
/// Holds the App's installation token and refreshes it 5 minutes before it expires (tokens live one hour).
/// One refresh at a time; callers waiting meanwhile get the new token.
/// </summary>
internal sealed class InstallationTokenCache(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async ValueTask<string> GetAsync(Func<CancellationToken, Task<(string Token, DateTimeOffset ExpiresAt)>> fetch, CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            (_token, _expiresAt) = await fetch(cancellationToken);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _token is not null && clock.GetUtcNow() < _expiresAt - RefreshMargin ? _token : null;
}
