namespace BusinessOps.Core.Effects;

/// <summary>Which webhook URLs are acceptable: https, or http to a loopback host (a local receiver, tests).</summary>
public static class WebhookUrls
{
    /// <summary>Why <paramref name="url"/> may not receive signed effects, or null.</summary>
    public static string? Problem(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "must be an absolute URL";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp && url.IsLoopback
            ? null
            : "must be https (http is allowed only for a loopback host such as 127.0.0.1)";
    }
}
