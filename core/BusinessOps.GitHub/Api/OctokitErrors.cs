using System.Net;
using System.Text;
using BusinessOps.Core.Scrubbing;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Http;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>
/// The one place where Octokit's exceptions become the store's typed <see cref="GitHubException"/>s: a one-line message
/// that says what to do, the <see cref="Core.Ports.StoreErrorKind"/> a caller acts on, no token. Our own exceptions
/// (rate-limit waits and deferral, timeouts and network failures after the retries) pass through unchanged. Octokit's
/// secondary-limit exceptions cannot occur: <see cref="PacingHandler"/> waits such answers out or throws first.
/// </summary>
internal static class OctokitErrors
{
    public static Exception? Map(Exception exception, string what, string repository, SecretMasker masker) => exception switch
    {
        GitHubException => null,
        RateLimitExceededException limit => new GitHubRateLimitedException(masker.Mask($"GitHub's rate limit is spent for {what}; resume after {limit.Reset:u}."), HttpStatusCode.Forbidden, limit.Reset, secondary: false),
        AuthorizationException auth => new GitHubUnauthorizedException(masker.Mask($"GitHub rejected the credentials (401{Suffix(auth)}) on {what}: set a valid GITHUB_TOKEN or GitHub App credentials."), HttpStatusCode.Unauthorized),
        ForbiddenException forbidden => Forbidden(forbidden, what, repository, masker),
        NotFoundException => NotFound(HttpStatusCode.NotFound, what, repository),
        ApiException { StatusCode: HttpStatusCode.Gone } => NotFound(HttpStatusCode.Gone, what, repository),
        ApiValidationException or ApiException { StatusCode: HttpStatusCode.BadRequest } => new GitHubValidationException(masker.Mask($"GitHub rejected {what} ({(int)((ApiException)exception).StatusCode}{Suffix((ApiException)exception)})."), ((ApiException)exception).StatusCode),
        ApiException api => new GitHubTransientException(masker.Mask($"GitHub answered {(int)api.StatusCode}{Suffix(api)} for {what}; retry later."), api.StatusCode, api),
        HttpRequestException network => new GitHubTransientException(masker.Mask($"Could not reach GitHub for {what}: {network.Message.ReplaceLineEndings(" ")}"), null, network),
        // Octokit's reflection-based reader: malformed JSON, a value of the wrong type, or a string outside one of its
        // closed enums (e.g. a user "type" GitHub adds later) surfaces as one of these; argument checks carry a ParamName.
        System.Runtime.Serialization.SerializationException or InvalidCastException or FormatException or ArgumentException { ParamName: null } => new GitHubTransientException(masker.Mask($"GitHub answered {what} with JSON this client cannot read ({exception.Message.ReplaceLineEndings(" ")})."), null, exception),
        _ => null,
    };

    /// <summary>GitHub names the permission it wanted in <c>x-accepted-github-permissions</c> (e.g. <c>issues=write</c>); otherwise infer it.</summary>
    internal static string Permission(string? accepted, string what)
    {
        if (!string.IsNullOrWhiteSpace(accepted))
        {
            var first = accepted.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var eq = first.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 ? first[..eq] + ": " + first[(eq + 1)..] : first;
        }

        return Scope(what) + (what.StartsWith("GET ", StringComparison.Ordinal) ? ": read" : ": write");
    }

    // The repository permission GitHub documents for each endpoint family this product calls.
    private static string Scope(string what) =>
        what.Contains("/collaborators", StringComparison.Ordinal) ? "metadata"
        : what.Contains("/teams/", StringComparison.Ordinal) ? "members"
        : what.Contains("/git/", StringComparison.Ordinal) || what.Contains("/contents/", StringComparison.Ordinal) ? "contents"
        : what.Contains("/pulls", StringComparison.Ordinal) ? "pull_requests"
        : what.Contains("/deployments", StringComparison.Ordinal) ? "deployments"
        : what.Contains("/statuses", StringComparison.Ordinal) ? "statuses"
        : "issues";

    private static GitHubUnauthorizedException Forbidden(ForbiddenException forbidden, string what, string repository, SecretMasker masker)
    {
        var headers = forbidden.HttpResponse?.Headers;
        var accepted = headers?.FirstOrDefault(h => h.Key.Equals("x-accepted-github-permissions", StringComparison.OrdinalIgnoreCase)).Value;
        var permission = Permission(accepted, what);
        return new GitHubUnauthorizedException(masker.Mask($"GitHub refused {what} (403{Suffix(forbidden)}): the token lacks {permission} on {repository}; grant it (workflow 'permissions:' or the App's settings)."), HttpStatusCode.Forbidden, permission);
    }

    private static GitHubNotFoundException NotFound(HttpStatusCode status, string what, string repository) =>
        new(what.Contains("/issues", StringComparison.Ordinal) || what.Contains("/labels", StringComparison.Ordinal) || what.Contains("/collaborators", StringComparison.Ordinal)
            ? $"GitHub answered {(int)status} for {what}: it does not exist, or repository {repository} does not exist or is not visible to this token (check GITHUB_REPOSITORY and the token's repository access)."
            : $"GitHub answered {(int)status} for {what}: not found.", status);

    /// <summary>GitHub's own message and up to three error details, on one line.</summary>
    private static string Suffix(ApiException exception)
    {
        var error = exception.ApiError;
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            sb.Append(' ').Append(error.Message);
        }

        foreach (var detail in (error?.Errors ?? []).Take(3))
        {
            sb.Append(" [").Append(string.Join(' ', new[] { detail.Resource, detail.Field, detail.Code, detail.Message }.Where(p => !string.IsNullOrEmpty(p)))).Append(']');
        }

        var line = sb.ToString().ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
