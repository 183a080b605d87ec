using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

/// <summary>Value builders for tests.</summary>
internal static class Some
{
    public static NewIssue Issue(string title = "Checkout latency above SLO", string body = "p95 is 900 ms since the deploy.", params string[] labels) =>
        new(title, body, labels);
}
