using System.Net;

namespace BusinessOps.GitHub.Tests.Support;

/// <summary>
/// The socket side of the store under test against Prism: records what Prism answered to every request (Prism answers
/// 4xx when a request does not match GitHub's description) and, for the paths named, asks Prism for the description's
/// own example instead of a schema-generated answer (<c>Prefer: dynamic=false</c>). Prism matches one path segment per
/// path parameter, while GitHub's <c>{ref}</c> of <c>git/ref/{ref}</c> spans several (<c>heads/adr/7</c>; the description
/// marks it <c>x-multi-segment</c>): for Prism only, the slashes inside it are sent escaped.
/// </summary>
internal sealed class PrismRecorder(params string[] staticExamplePaths) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<(string Request, HttpStatusCode Status)> _answers = [];

    public IReadOnlyList<(string Request, HttpStatusCode Status)> Answers
    {
        get
        {
            lock (_answers)
            {
                return [.. _answers];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (staticExamplePaths.Any(p => request.RequestUri!.AbsolutePath.EndsWith(p, StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation("Prefer", "dynamic=false");
        }

        var path = request.RequestUri!.AbsolutePath;
        var at = path.IndexOf("/git/ref/", StringComparison.Ordinal);
        if (at >= 0)
        {
            var builder = new UriBuilder(request.RequestUri) { Path = path[..(at + 9)] + path[(at + 9)..].Replace("/", "%2F", StringComparison.Ordinal) };
            request.RequestUri = builder.Uri;
        }

        var response = await base.SendAsync(request, cancellationToken);
        lock (_answers)
        {
            _answers.Add((request.Method + " " + request.RequestUri!.PathAndQuery, response.StatusCode));
        }

        return response;
    }
}
