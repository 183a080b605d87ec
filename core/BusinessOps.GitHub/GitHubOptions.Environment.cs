using System.Globalization;

namespace BusinessOps.GitHub;

/// <summary>Environment variables → <see cref="GitHubOptions"/>.</summary>
public sealed partial record GitHubOptions
{
    /// <summary>
    /// Reads <c>GITHUB_REPOSITORY</c> (OWNER/NAME), <c>GITHUB_API_URL</c>, and either <c>GITHUB_TOKEN</c> (or <c>GH_TOKEN</c>)
    /// or a GitHub App: <c>GITHUB_APP_ID</c>, <c>GITHUB_APP_INSTALLATION_ID</c>, and <c>GITHUB_APP_PRIVATE_KEY</c> (PEM text;
    /// <c>\n</c> escapes allowed) or <c>GITHUB_APP_PRIVATE_KEY_PATH</c>, optionally <c>GITHUB_APP_SLUG</c>. The App wins when
    /// any of its variables is set, and a half-configured App is an error. Tuning: <c>BUSINESSOPS_GITHUB_CACHE_DIR</c>,
    /// <c>BUSINESSOPS_GITHUB_WRITE_SPACING_MS</c>, <c>BUSINESSOPS_GITHUB_RUN_BUDGET_SECONDS</c>, <c>BUSINESSOPS_GITHUB_IDENTITY</c>.
    /// <paramref name="error"/> is one line that says what to set; it never contains a secret.
    /// </summary>
    public static bool TryFromEnvironment(IReadOnlyDictionary<string, string?> env, out GitHubOptions? options, out string? error)
    {
        options = null;
        string? Get(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var repository = Get("GITHUB_REPOSITORY");
        var slash = repository?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (repository is null || slash <= 0 || slash == repository.Length - 1 || repository.IndexOf('/', slash + 1) >= 0)
        {
            error = repository is null ? "GITHUB_REPOSITORY is not set (expected OWNER/NAME)." : "GITHUB_REPOSITORY must be OWNER/NAME.";
            return false;
        }

        var apiUrl = new Uri("https://api.github.com/");
        if (Get("GITHUB_API_URL") is { } api && (!Uri.TryCreate(api, UriKind.Absolute, out apiUrl!) || (apiUrl.Scheme != Uri.UriSchemeHttps && apiUrl.Scheme != Uri.UriSchemeHttp)))
        {
            error = "GITHUB_API_URL must be an absolute http(s) URL such as https://api.github.com or https://HOST/api/v3.";
            return false;
        }

        GitHubAppCredentials? app = null;
        string? token = null;
        var appId = Get("GITHUB_APP_ID");
        var installation = Get("GITHUB_APP_INSTALLATION_ID");
        var pem = Get("GITHUB_APP_PRIVATE_KEY")?.Replace("\\n", "\n", StringComparison.Ordinal);
        var pemPath = Get("GITHUB_APP_PRIVATE_KEY_PATH");
        if (appId is not null || installation is not null || pem is not null || pemPath is not null)
        {
            var missing = new List<string>();
            if (appId is null)
            {
                missing.Add("GITHUB_APP_ID");
            }

            if (installation is null)
            {
                missing.Add("GITHUB_APP_INSTALLATION_ID");
            }

            if (pem is null && pemPath is null)
            {
                missing.Add("GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_PATH)");
            }

            if (missing.Count > 0)
            {
                error = "GitHub App is half-configured: set " + string.Join(", ", missing) + ", or remove the App variables to use GITHUB_TOKEN.";
                return false;
            }

            if (!long.TryParse(appId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !long.TryParse(installation, NumberStyles.None, CultureInfo.InvariantCulture, out var installationId))
            {
                error = "GITHUB_APP_ID and GITHUB_APP_INSTALLATION_ID must be numbers.";
                return false;
            }

            if (pem is null)
            {
                try
                {
                    pem = File.ReadAllText(pemPath!);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error = $"GITHUB_APP_PRIVATE_KEY_PATH cannot be read ({ex.GetType().Name}).";
                    return false;
                }
            }

            if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                error = "GITHUB_APP_PRIVATE_KEY is not a PEM private key (expected '-----BEGIN RSA PRIVATE KEY-----').";
                return false;
            }

            app = new GitHubAppCredentials(id, installationId, pem, Get("GITHUB_APP_SLUG"));
        }
        else
        {
            token = Get("GITHUB_TOKEN") ?? Get("GH_TOKEN");
            if (token is null)
            {
                error = "No GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID + GITHUB_APP_INSTALLATION_ID + GITHUB_APP_PRIVATE_KEY.";
                return false;
            }
        }

        var result = new GitHubOptions { Owner = repository[..slash], Repository = repository[(slash + 1)..], ApiUrl = apiUrl, Token = token, App = app, Identity = Get("BUSINESSOPS_GITHUB_IDENTITY") };
        if (Get("BUSINESSOPS_GITHUB_CACHE_DIR") is { } cache)
        {
            result = result with { CacheDirectory = cache };
        }

        if (Get("BUSINESSOPS_GITHUB_WRITE_SPACING_MS") is { } spacing)
        {
            if (!int.TryParse(spacing, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                error = "BUSINESSOPS_GITHUB_WRITE_SPACING_MS must be a whole number of milliseconds.";
                return false;
            }

            result = result with { WriteSpacing = TimeSpan.FromMilliseconds(ms) };
        }

        if (Get("BUSINESSOPS_GITHUB_RUN_BUDGET_SECONDS") is { } budget)
        {
            if (!int.TryParse(budget, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                error = "BUSINESSOPS_GITHUB_RUN_BUDGET_SECONDS must be a whole number of seconds.";
                return false;
            }

            result = result with { RunBudget = TimeSpan.FromSeconds(seconds) };
        }

        options = result;
        error = null;
        return true;
    }
}
