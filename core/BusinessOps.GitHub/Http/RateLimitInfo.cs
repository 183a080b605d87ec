using System.Globalization;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// GitHub's rate-limit headers of one response: <c>x-ratelimit-limit/remaining/used/reset/resource</c> and <c>retry-after</c>.
/// Every field is null when its header is absent or malformed.
/// </summary>
public sealed record RateLimitInfo(int? Limit, int? Remaining, int? Used, DateTimeOffset? Reset, string? Resource, TimeSpan? RetryAfter)
{
    public static RateLimitInfo Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>True when the primary quota is spent (remaining 0).</summary>
    public bool Exhausted => Remaining == 0;

    /// <summary>
    /// True when an answer is a rate limit rather than a refusal: 429, or a 403 with the quota spent, a
    /// <c>retry-after</c>, or GitHub's "rate limit" wording (secondary limits carry no header of their own).
    /// </summary>
    public bool IsLimitAnswer(System.Net.HttpStatusCode status, string? body) =>
        status == System.Net.HttpStatusCode.TooManyRequests
        || (status == System.Net.HttpStatusCode.Forbidden
            && (Exhausted || RetryAfter is not null || (body?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false)));

    /// <summary>Pure parse of header name/values (case-insensitive names). <paramref name="now"/> resolves an HTTP-date <c>retry-after</c>.</summary>
    public static RateLimitInfo Parse(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, DateTimeOffset now)
    {
        string? Get(string name) => headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()?.Trim();

        static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

        DateTimeOffset? reset = long.TryParse(Get("x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) && epoch > 0
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

        return new RateLimitInfo(Int(Get("x-ratelimit-limit")), Int(Get("x-ratelimit-remaining")), Int(Get("x-ratelimit-used")), reset, Get("x-ratelimit-resource"), ParseRetryAfter(Get("retry-after"), now));
    }

    /// <summary>Reads the headers of a response (both the response and content header collections).</summary>
    public static RateLimitInfo Parse(HttpResponseMessage response, DateTimeOffset now) =>
        Parse(response.Headers.Concat(response.Content.Headers), now);

    private static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }
}
