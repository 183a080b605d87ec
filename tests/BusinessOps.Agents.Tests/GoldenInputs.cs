using BusinessOps.Agents.Samples;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// The inputs whose comments are pinned in <c>Golden/</c>: each agent's demo samples, plus the cases the demo does not
/// reach (an architect's component links and risks, a developer's scaffold, an operations rightsizing CSV).
/// </summary>
internal static class GoldenInputs
{
    public static IReadOnlyList<(string Name, string Agent, string Body)> All { get; } = Build();

    private static List<(string, string, string)> Build()
    {
        string[] agents = [AgentNames.Qa, AgentNames.Security, AgentNames.Developer, AgentNames.Architect, AgentNames.DevOps, AgentNames.Operations, AgentNames.Finance];
        var list = new List<(string, string, string)>();
        foreach (var agent in agents)
        {
            var samples = SampleIssues.Build(new DateOnly(2026, 11, 2)).Where(s => s.Agent == agent && !s.ExpectNeedsTriage).ToList();
            list.AddRange(samples.Select((s, i) => (BusinessOps.Core.Agents.AgentPolicyBook.TemplateName(agent) + "-" + (i + 1), agent, s.Body)));
        }

        list.Add(("architect-links", AgentNames.Architect, FormBody.Of(
            ("Decision", "Which cache should front the catalog API?"),
            ("Options", "Redis\nMemcached"),
            ("Criteria", "latency: 2\nfeatures: 1"),
            ("Scores", "Redis: 4, 5\nMemcached: 5, 2"),
            ("Components", "catalog-api -> Redis: reads\nworker -> Redis\nRedis -> metrics"),
            ("Risks", "Cache stampede on deploy: warm the cache first"))));
        list.Add(("developer-scaffold", AgentNames.Developer, FormBody.Of(
            ("Feature", "A vendor-onboarding agent"),
            ("Acceptance criteria", "- [ ] Reads the vendor form\n- [ ] Proposes the onboarding checklist"),
            ("Scaffold", "agent"),
            ("Scaffold name", "vendor-onboarding"))));
        list.Add(("operations-rightsizing", AgentNames.Operations, FormBody.Of(
            ("Resource usage (CSV)", "instance,type,cpu_p95,memory_p95,monthly_cost\nweb-1,m5.xlarge,12,20,140.16\napi-1,c5.large,92,60,62.05\ndb-1,r5.large,55,70,90.00"))));
        list.Add(("finance-failed", AgentNames.Finance, FormBody.Of(
            ("Vendor", "Initech"), ("Invoice number", "C-9"), ("Invoice date", "2026-11-20"), ("Due date", "2026-11-01"),
            ("Line items", "Review | 2 | 150.00 | 310.00\nTravel | 1 | 99.5"), ("Tax rate", "30"), ("Total", "500.00"))));
        list.Add(("finance-hostile", AgentNames.Finance, FormBody.Of(
            ("Vendor", "Paper <b>&</b> Co @finance {{ 7 * 7 }}"), ("Invoice number", "INV-{{ 1 + 1 }}"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"),
            ("Line items", "<img src=x onerror=alert(1)> `code` @admins | 1 | 10.00\n{{ subtotal }} ${{ github.token }} \\ back | 3 | 2.50"), ("Tax rate", "8.25"), ("Total", "18.88"))));
        list.Add(("finance-recovery-escalated", AgentNames.Finance, FormBody.Of(
            ("Customer", "Globex"), ("Amount", "12000.00"), ("Failed on", "2026-10-25"), ("Decline code", "stolen_card"), ("Consecutive failures", "4"), ("Plan", "enterprise"))));
        list.Add(("finance-recovery-hostile", AgentNames.Finance, FormBody.Of(
            ("Customer", "Acme | Co <script>x</script> @ops {{ amount }} ${{ secrets.KEY }}"), ("Amount", "249.00"), ("Failed on", "2026-10-30"), ("Decline code", "insufficient-funds"))));
        return list;
    }
}
