using BusinessOps.Core.Scrubbing;
using BusinessOps.GitHub.Http;

namespace BusinessOps.GitHub.Api;

/// <summary>Runs one Octokit call: the caller's cancellation token rides along to our handlers, failures come back typed.</summary>
internal static class OctokitCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string what, string repository, SecretMasker masker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AmbientCancellation.Set(cancellationToken);
        try
        {
            return await call();
        }
        catch (Exception ex) when (OctokitErrors.Map(ex, what, repository, masker) is { } mapped)
        {
            throw mapped;
        }
    }

    public static Task RunAsync(Func<Task> call, string what, string repository, SecretMasker masker, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                await call();
                return true;
            },
            what,
            repository,
            masker,
            cancellationToken);
}
