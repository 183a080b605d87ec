using System.Globalization;
using System.Text.Json;
using BusinessOps.GitHub.Auth;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>Deployments, their statuses, and commit statuses, each on a token narrowed to what it needs (App auth).</summary>
internal sealed partial class GitHubApi
{
    /// <summary>The deployment payload's field that carries the effect key.</summary>
    public const string EffectPayloadKey = "businessops_effect";

    private GitHubClient Deployments => ClientFor(TokenPermissions.DeploymentEffects);

    private GitHubClient Statuses => ClientFor(TokenPermissions.CommitStatusEffects);

    public Task<Deployment> CreateDeploymentAsync(NewDeployment deployment, CancellationToken cancellationToken) =>
        RunAsync(() => Deployments.Repository.Deployment.Create(_options.Owner, _options.Repository, deployment), "POST /repos/" + Repository + "/deployments", cancellationToken);

    /// <summary>
    /// Deployments to <paramref name="environment"/> of <paramref name="gitRef"/>, newest first, up to
    /// <paramref name="maxPages"/> pages of 100; <c>Complete</c> is false when there were more. Read as raw JSON, not
    /// into Octokit's <c>Deployment</c>: its <c>payload</c> is a string-to-string map, and another tool's deployment with a
    /// nested payload (GitHub allows any JSON) would make the whole listing unreadable.
    /// </summary>
    public async Task<(IReadOnlyList<DeploymentListing> Deployments, bool Complete)> ListDeploymentsAsync(string environment, string gitRef, int maxPages, CancellationToken cancellationToken)
    {
        var found = new List<DeploymentListing>();
        for (var page = 1; page <= maxPages; page++)
        {
            var parameters = new Dictionary<string, string>
            {
                ["environment"] = environment,
                ["ref"] = gitRef,
                ["per_page"] = "100",
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
            };
            var response = await RunAsync(() => Deployments.Connection.GetRaw(ApiUrls.Deployments(_options.Owner, _options.Repository), parameters), "GET /repos/" + Repository + "/deployments", cancellationToken);
            // Octokit keeps a JSON answer as text even for GetRaw; other content types as bytes.
            var listed = ReadDeployments(response.HttpResponse.Body switch
            {
                string text => System.Text.Encoding.UTF8.GetBytes(text),
                byte[] bytes => bytes,
                _ => null,
            });
            found.AddRange(listed);
            if (listed.Count < 100)
            {
                return (found, true);
            }
        }

        return (found, false);
    }

    public Task<DeploymentStatus> CreateDeploymentStatusAsync(long deploymentId, NewDeploymentStatus status, CancellationToken cancellationToken) =>
        RunAsync(() => Deployments.Repository.Deployment.Status.Create(_options.Owner, _options.Repository, deploymentId, status), DeploymentPath(deploymentId, "POST") + "/statuses", cancellationToken);

    /// <summary>A deployment's statuses, newest first (one page of 100).</summary>
    public Task<IReadOnlyList<DeploymentStatus>> ListDeploymentStatusesAsync(long deploymentId, CancellationToken cancellationToken) =>
        RunAsync(() => Deployments.Repository.Deployment.Status.GetAll(_options.Owner, _options.Repository, deploymentId, new ApiOptions { PageSize = 100, PageCount = 1 }), DeploymentPath(deploymentId, "GET") + "/statuses", cancellationToken);

    public Task<CommitStatus> CreateCommitStatusAsync(string sha, NewCommitStatus status, CancellationToken cancellationToken) =>
        RunAsync(() => Statuses.Repository.Status.Create(_options.Owner, _options.Repository, sha, status), "POST /repos/" + Repository + "/statuses/" + sha, cancellationToken);

    /// <summary>The statuses of commit <paramref name="sha"/>, newest first (one page of 100).</summary>
    public Task<IReadOnlyList<CommitStatus>> ListCommitStatusesAsync(string sha, CancellationToken cancellationToken) =>
        RunAsync(() => Statuses.Repository.Status.GetAll(_options.Owner, _options.Repository, sha, new ApiOptions { PageSize = 100, PageCount = 1 }), "GET /repos/" + Repository + "/commits/" + sha + "/statuses", cancellationToken);

    private static List<DeploymentListing> ReadDeployments(byte[]? json)
    {
        var listed = new List<DeploymentListing>();
        try
        {
            using var document = JsonDocument.Parse(json ?? []);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new Errors.GitHubTransientException("GitHub answered the deployments listing with something other than a list; retry later.", null);
            }

            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
                {
                    var url = item.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : string.Empty;
                    listed.Add(new DeploymentListing(value, url, EffectKeyOf(item)));
                }
            }
        }
        catch (JsonException ex)
        {
            throw new Errors.GitHubTransientException("GitHub answered the deployments listing with JSON this client cannot read; retry later.", null, ex);
        }

        return listed;
    }

    // GitHub returns the payload as given (an object) or, for some integrations, as a JSON string.
    private static string? EffectKeyOf(JsonElement deployment)
    {
        if (!deployment.TryGetProperty("payload", out var payload))
        {
            return null;
        }

        if (payload.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(payload.GetString() ?? string.Empty);
                return inner.RootElement.ValueKind == JsonValueKind.Object && inner.RootElement.TryGetProperty(EffectPayloadKey, out var nested) && nested.ValueKind == JsonValueKind.String ? nested.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(EffectPayloadKey, out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
    }

    private string DeploymentPath(long id, string method) => method + " /repos/" + Repository + "/deployments/" + id.ToString(CultureInfo.InvariantCulture);
}
