using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.Storms;

public sealed class DiagTmp(ITestOutputHelper output)
{
    [Fact]
    public async Task Diag()
    {
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
        await scenario.FileAsync(90, CancellationToken.None);
        var cold = await scenario.PassAsync("cold", CancellationToken.None);
        output.WriteLine($"cold {cold.Writes} {string.Join(",", cold.ByKind)}");
        var before = new Dictionary<int, BusinessOps.Core.Issues.IssueSnapshot>();
        foreach (var i in await scenario.Store.ListIssuesAsync(BusinessOps.Core.Ports.IssueQuery.Open, CancellationToken.None))
        {
            before[i.Number] = i;
        }

        var idle = await scenario.PassAsync("idle", CancellationToken.None);
        output.WriteLine($"idle {idle.Writes} {string.Join(",", idle.ByKind)}");
        foreach (var n in scenario.LastWritten)
        {
            var after = await scenario.Store.GetIssueAsync(n, CancellationToken.None);
            output.WriteLine($"==== #{n} {before[n].Title} labels before [{string.Join(",", before[n].Labels)}] after [{string.Join(",", after!.Labels)}]");
            foreach (var c in before[n].Comments)
            {
                output.WriteLine($"--- before {c.Id} {c.Author}\n{c.Body}");
            }

            foreach (var c in after.Comments)
            {
                output.WriteLine($"--- after {c.Id} {c.Author}\n{c.Body}");
            }
        }
    }
}
