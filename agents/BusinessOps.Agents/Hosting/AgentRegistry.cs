using BusinessOps.Agents.Analytics;
using BusinessOps.Agents.Architecture;
using BusinessOps.Agents.CustomerSuccess;
using BusinessOps.Agents.Development;
using BusinessOps.Agents.DevOps;
using BusinessOps.Agents.Finance;
using BusinessOps.Agents.Management;
using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Operations;
using BusinessOps.Agents.ProjectManagement;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Security;
using BusinessOps.Agents.Support;

namespace BusinessOps.Agents.Hosting;

/// <summary>The fourteen agents by executable name.</summary>
internal static class AgentRegistry
{
    private static readonly Dictionary<string, IAgent> Agents = new IAgent[]
    {
        new ArchitectAgent(), new DeveloperAgent(), new QaAgent(), new DevOpsAgent(), new ManagerAgent(),
        new ProjectManagerAgent(), new MarketingAgent(), new SalesAgent(), new SupportAgent(),
        new CustomerSuccessAgent(), new AnalyticsAgent(), new FinanceAgent(), new OperationsAgent(), new SecurityAgent(),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static IAgent? Find(string name) => Agents.GetValueOrDefault(name);
}
