using System.Net;
using System.Text;
using System.Text.Json;
using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Http;

/// <summary>Turns a failed answer into the typed exception a caller acts on, with a one-line message that says what to do.</summary>
internal static class ErrorMapper
{
    public static GitHubException Map(HttpStatusCode status, byte[] body, string method, string path, string? acceptedPermissions, string repository)
    {
        var detail = GitHubMessage(body);
        var what = method + " " + path;
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                return new GitHubUnauthorizedException($"GitHub rejected the credentials (401{Suffix(detail)}) on {what}: set a valid GITHUB_TOKEN or GitHub App credentials.", status);
            case HttpStatusCode.Forbidden:
                var permission = Permission(acceptedPermissions, method, path);
                return new GitHubUnauthorizedException($"GitHub refused {what} (403{Suffix(detail)}): the token lacks {permission} on {repository}; grant it (workflow 'permissions:' or the App's settings).", status, permission);
            case HttpStatusCode.NotFound:
            case HttpStatusCode.Gone:
                return new GitHubNotFoundException(path.Contains("/issues", StringComparison.Ordinal) || path.Contains("/labels", StringComparison.Ordinal) || path.Contains("/collaborators", StringComparison.Ordinal)
                    ? $"GitHub answered {(int)status} for {what}: it does not exist, or repository {repository} does not exist or is not visible to this token (check GITHUB_REPOSITORY and the token's repository access)."
                    : $"GitHub answered {(int)status} for {what}: not found.", status);
            case HttpStatusCode.UnprocessableEntity:
            case HttpStatusCode.BadRequest:
                return new GitHubValidationException($"GitHub rejected {what} ({(int)status}{Suffix(detail)}).", status);
            default:
                return new GitHubTransientException($"GitHub answered {(int)status}{Suffix(detail)} for {what}; retry later.", status);
        }
    }

    /// <summary>GitHub names the permission it wanted in <c>x-accepted-github-permissions</c> (e.g. <c>issues=write</c>); otherwise infer it.</summary>
    internal static string Permission(string? accepted, string method, string path)
    {
        if (!string.IsNullOrWhiteSpace(accepted))
        {
            var first = accepted.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var eq = first.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 ? first[..eq] + ": " + first[(eq + 1)..] : first;
        }

        var scope = path.Contains("/collaborators", StringComparison.Ordinal) ? "metadata" : "issues";
        return scope + (method == "GET" ? ": read" : ": write");
    }

    private static string Suffix(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : " " + detail;

    private static string? GitHubMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var sb = new StringBuilder();
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                sb.Append(message.GetString());
            }

            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray().Take(3))
                {
                    sb.Append(" [").Append(error.ValueKind == JsonValueKind.Object ? Describe(error) : error.ToString()).Append(']');
                }
            }

            return OneLine(sb.ToString(), 300);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(JsonElement error)
    {
        string Field(string name) => error.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;
        var parts = new[] { Field("resource"), Field("field"), Field("code"), Field("message") }.Where(p => p.Length > 0);
        return string.Join(' ', parts);
    }

    private static string OneLine(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..max] + "…";
    }
}
