using BusinessOps.Agents.Analytics;
using BusinessOps.Agents.Architecture;
using BusinessOps.Agents.CustomerSuccess;
using BusinessOps.Agents.Development;
using BusinessOps.Agents.DevOps;
using BusinessOps.Agents.Finance;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Management;
using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Operations;
using BusinessOps.Agents.ProjectManagement;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Security;
using BusinessOps.Agents.Support;

#pragma warning disable RS0030 // The executable's composition root: the operations agent times its health checks on the system clock.
var clock = TimeProvider.System;
#pragma warning restore RS0030

// The Lambda function's command: one warm process serves every agent, chosen by the event's "agent" field
// (on the command line: ai-agents ai-qa-agent --demo). Each ai-<name>-agent executable runs only its own agent.
IAgent[] agents =
[
    new ArchitectAgent(),
    new DeveloperAgent(),
    new QaAgent(),
    new DevOpsAgent(),
    new ManagerAgent(),
    new ProjectManagerAgent(),
    new MarketingAgent(),
    new SalesAgent(),
    new SupportAgent(),
    new CustomerSuccessAgent(),
    new AnalyticsAgent(),
    new FinanceAgent(),
    new OperationsAgent(clock),
    new SecurityAgent(),
];
return await AgentHost.RunAsync(agents, args, CancellationToken.None).ConfigureAwait(false);
