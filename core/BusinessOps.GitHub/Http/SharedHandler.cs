namespace BusinessOps.GitHub.Http;

/// <summary>
/// Lends the one handler chain to an Octokit client: Octokit's <c>HttpClientAdapter</c> disposes the handler it is
/// given, and several clients (installation, App JWT, team lookups) share one chain, which the transport disposes.
/// </summary>
internal sealed class SharedHandler(HttpMessageHandler shared) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _shared = new(shared, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _shared.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared.Dispose();
        }

        base.Dispose(disposing);
    }
}
