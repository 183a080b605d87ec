using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BusinessOps.TestKit.GitHub;

/// <summary>The request pipeline: faults, authentication, quotas, routing, ETags and rate-limit headers.</summary>
public sealed partial class FakeGitHubServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        if (PathBase.Length > 0)
        {
            if (!rawPath.StartsWith(PathBase + "/", StringComparison.Ordinal))
            {
                Counters.Count(method);
                await WriteAsync(context, method, target, FakeResponse.NotFound());
                return;
            }

            rawPath = rawPath[PathBase.Length..];
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryStart < 0 ? string.Empty : target[queryStart..]);
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        Counters.Count(method);
        byte[] requestBody;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            requestBody = buffer.ToArray();
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            UpdateMax(ref _maxInFlight, inFlight);
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, context.RequestAborted);
            }

            await HandleCoreAsync(context, method, target, segments, query, requestBody);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void UpdateMax(ref int max, int value)
    {
        var seen = Volatile.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private async Task HandleCoreAsync(HttpContext context, string method, string target, string[] segments, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, byte[] requestBody)
    {
        var queryAt = target.IndexOf('?', StringComparison.Ordinal);
        var fault = Faults.Take(method, queryAt < 0 ? target : target[..queryAt]);
        if (fault?.Kind == FakeGitHubFaults.FaultKind.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, which is the point of the fault.
            }

            Record(method, target, 0);
            return;
        }

        var response = Answer(method, target, segments, query, requestBody, context.Request.Headers, fault);
        await WriteAsync(context, method, target, response);
    }

    private FakeResponse Answer(string method, string target, string[] segments, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, byte[] body, IHeaderDictionary headers, FakeGitHubFaults.Fault? fault)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            RollWindow(now);
            switch (fault?.Kind)
            {
                case FakeGitHubFaults.FaultKind.Fail:
                    return FakeResponse.Error(fault.Status, "Server Error");
                case FakeGitHubFaults.FaultKind.Primary:
                    Counters.CountPrimary();
                    return PrimaryLimited(now + fault.ResetIn);
                case FakeGitHubFaults.FaultKind.Secondary:
                    Counters.CountSecondary();
                    return SecondaryLimited(fault.Status, fault.RetryAfter);
                default:
                    break;
            }

            var credential = Credential(headers);
            var isAppRoute = segments.Length > 0 && segments[0] == "app";
            if (isAppRoute)
            {
                return AppRoute(method, segments, credential, body, now);
            }

            var readOnly = credential == ReadOnlyToken;
            var installation = _installationTokens.GetValueOrDefault(credential) ?? _fineGrainedTokens.GetValueOrDefault(credential);
            if (credential != Token && !readOnly && installation is null && !_jobTokens.Contains(credential))
            {
                return FakeResponse.Error(401, "Bad credentials");
            }

            if (_used >= PrimaryLimit)
            {
                Counters.CountPrimary();
                return PrimaryLimited(_windowStart + TimeSpan.FromHours(1));
            }

            var isWrite = method is "POST" or "PATCH" or "PUT" or "DELETE";
            if (isWrite && ContentLimitPerMinute > 0)
            {
                while (_recentWrites.Count > 0 && _recentWrites.Peek() <= now - TimeSpan.FromMinutes(1))
                {
                    _recentWrites.Dequeue();
                }

                if (_recentWrites.Count >= ContentLimitPerMinute)
                {
                    Counters.CountSecondary();
                    return SecondaryLimited(403, 60);
                }

                _recentWrites.Enqueue(now);
            }

            if (readOnly && isWrite)
            {
                return FakeResponse.Error(403, "Resource not accessible by personal access token", headers: new Dictionary<string, string> { ["x-accepted-github-permissions"] = PermissionFor(segments) + "=write" });
            }

            if (installation is not null && Narrowed(installation, method, segments) is { } refused)
            {
                return refused;
            }

            if (segments is ["user"] && method == "GET")
            {
                return (installation is not null && !_fineGrainedTokens.ContainsKey(credential)) || _jobTokens.Contains(credential)
                    ? FakeResponse.Error(403, "Resource not accessible by integration")
                    : FakeResponse.Json(200, FakeGitHubJson.Write(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("login", Login);
                        w.WriteNumber("id", 1);
                        w.WriteString("type", "User");
                        w.WriteEndObject();
                    }));
            }

            if (segments is ["orgs", var org, "teams", var slug, "members"] && method == "GET")
            {
                return _teams.TryGetValue(org + "/" + slug, out var members)
                    ? Page(members, query, $"/orgs/{org}/teams/{slug}/members", (w, login) =>
                    {
                        w.WriteStartObject();
                        w.WriteString("login", login);
                        w.WriteString("type", "User");
                        w.WriteEndObject();
                    })
                    : FakeResponse.NotFound();
            }

            if (segments.Length < 3 || segments[0] != "repos" || !segments[1].Equals(Owner, StringComparison.OrdinalIgnoreCase) || !segments[2].Equals(Repository, StringComparison.OrdinalIgnoreCase))
            {
                return FakeResponse.NotFound();
            }

            var result = Route(method, segments[3..], query, body, now);
            if (fault?.Kind == FakeGitHubFaults.FaultKind.FailAfterProcessing)
            {
                return FakeResponse.Error(502, "Server Error");
            }

            return result;
        }
    }

    private FakeResponse AppRoute(string method, string[] segments, string jwt, byte[] body, DateTimeOffset now)
    {
        if (!VerifyJwt(jwt, now))
        {
            return FakeResponse.Error(401, "A JSON web token could not be decoded");
        }

        if (segments is ["app"] && method == "GET")
        {
            return FakeResponse.Json(200, FakeGitHubJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("id", App?.AppId ?? 1);
                w.WriteString("slug", AppSlug);
                w.WriteString("name", AppSlug);
                w.WriteEndObject();
            }));
        }

        if (segments is ["app", "installations", _, "access_tokens"] && method == "POST")
        {
            return IssueInstallationToken(segments[2], body, now);
        }

        return FakeResponse.NotFound();
    }

    /// <summary>
    /// <c>POST /app/installations/{id}/access_tokens</c>: an optional body narrows the token to <c>repositories</c> (names)
    /// and <c>permissions</c>; asking for a permission the App was not granted answers 422, as GitHub does.
    /// </summary>
    private FakeResponse IssueInstallationToken(string installation, byte[] body, DateTimeOffset now)
    {
        List<string>? repositories = null;
        var permissions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.Length > 0)
        {
            using var request = JsonDocument.Parse(body);
            if (request.RootElement.TryGetProperty("repositories", out var repos) && repos.ValueKind == JsonValueKind.Array)
            {
                repositories = [.. repos.EnumerateArray().Select(r => r.GetString() ?? string.Empty)];
            }

            if (request.RootElement.TryGetProperty("permissions", out var asked) && asked.ValueKind == JsonValueKind.Object)
            {
                foreach (var permission in asked.EnumerateObject())
                {
                    var level = permission.Value.GetString() ?? string.Empty;
                    if (!AppPermissions.TryGetValue(permission.Name, out var granted) || (level == "write" && granted != "write"))
                    {
                        return FakeResponse.Error(422, "The permissions requested are not granted to this installation.");
                    }

                    permissions[permission.Name] = level;
                }
            }
        }

        var token = "ghs_FakeInstallation" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        _installationTokens[token] = new FakeInstallationToken(installation, repositories, permissions);
        var expires = now + InstallationTokenLifetime;
        return FakeResponse.Json(201, FakeGitHubJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteString("expires_at", FakeGitHubJson.Time(expires));
            w.WriteEndObject();
        }));
    }

    /// <summary>What a narrowed installation token may not do: another repository (404), or a permission it lacks (403).</summary>
    private FakeResponse? Narrowed(FakeInstallationToken token, string method, string[] segments)
    {
        var isWrite = method is "POST" or "PATCH" or "PUT" or "DELETE";
        if (segments is ["orgs", _, "teams", ..])
        {
            return token.Allows("members", "read") ? null : Refused("members=read");
        }

        if (segments is not ["repos", _, var repository, ..])
        {
            return null;
        }

        if (token.Repositories is { } repositories && !repositories.Contains(repository, StringComparer.OrdinalIgnoreCase))
        {
            return FakeResponse.NotFound();
        }

        var permission = PermissionFor(segments);
        var level = isWrite && permission != "metadata" ? "write" : "read";
        return token.Allows(permission, level) ? null : Refused(permission + "=" + level);

        static FakeResponse Refused(string permission) =>
            FakeResponse.Error(403, "Resource not accessible by integration", headers: new Dictionary<string, string> { ["x-accepted-github-permissions"] = permission });
    }

    /// <summary>The repository permission GitHub documents for the endpoint (<c>/repos/{owner}/{repo}/…</c>).</summary>
    private static string PermissionFor(string[] segments) => segments switch
    {
        ["repos", _, _] or [_, _, _, "collaborators", ..] => "metadata",
        [_, _, _, "git" or "contents", ..] => "contents",
        [_, _, _, "pulls", ..] => "pull_requests",
        [_, _, _, "deployments", ..] => "deployments",
        [_, _, _, "statuses", ..] or [_, _, _, "commits", _, "statuses"] => "statuses",
        _ => "issues",
    };

    private static string Credential(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim()
            : authorization.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? authorization[6..].Trim() : string.Empty;
    }

    private bool VerifyJwt(string jwt, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        if (App is not { } app)
        {
            return true;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(app.PublicKeyPem);
            var valid = rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            var iss = payload.RootElement.GetProperty("iss").GetString();
            var exp = DateTimeOffset.FromUnixTimeSeconds(payload.RootElement.GetProperty("exp").GetInt64());
            return valid && iss == app.AppId.ToString(CultureInfo.InvariantCulture) && exp > now && exp - now <= TimeSpan.FromMinutes(10);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or CryptographicException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private FakeResponse PrimaryLimited(DateTimeOffset reset) =>
        FakeResponse.Error(403, "API rate limit exceeded for installation.", headers: new Dictionary<string, string>
        {
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });

    private static FakeResponse SecondaryLimited(int status, int? retryAfter) =>
        FakeResponse.Error(status, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", headers: retryAfter is { } seconds
            ? new Dictionary<string, string> { ["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture) }
            : null);

    private void RollWindow(DateTimeOffset now)
    {
        if (now >= _windowStart + TimeSpan.FromHours(1))
        {
            _windowStart = now;
            _used = 0;
        }
    }

    private async Task WriteAsync(HttpContext context, string method, string target, FakeResponse response)
    {
        var status = response.Status;
        var body = response.Body;
        var http = context.Response;
        if (method == "GET" && status == 200)
        {
            // GitHub's ETags differ per token (the answer varies by Authorization): an ETag cached under one token is
            // never a match for another, so a new job token pays full price for what an earlier one had cached.
            var etag = "W/\"" + Convert.ToHexString(SHA256.HashData([.. body, .. Encoding.UTF8.GetBytes(Credential(context.Request.Headers))]))[..32].ToLowerInvariant() + "\"";
            http.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                status = 304;
                body = [];
            }
        }

        int used, remaining;
        DateTimeOffset reset;
        lock (_gate)
        {
            if (status != 304 && status != 401)
            {
                _used++;
            }

            used = _used;
            remaining = Math.Max(0, PrimaryLimit - _used);
            reset = _windowStart + TimeSpan.FromHours(1);
        }

        Counters.CountAnswer(status);
        http.StatusCode = status;
        http.Headers["x-ratelimit-limit"] = PrimaryLimit.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-resource"] = "core";
        http.Headers["x-github-api-version-selected"] = "2022-11-28";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Headers[name] = value;
        }

        Record(method, target, status);
        if (status != 304 && status != 204)
        {
            http.ContentType = "application/json; charset=utf-8";
            http.ContentLength = body.Length;
            await http.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private void Record(string method, string target, int status)
    {
        lock (_gate)
        {
            _requests.Add(new FakeRequest(method, target, _clock.GetUtcNow(), status));
        }
    }
}
