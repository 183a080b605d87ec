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
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Security;
using BusinessOps.Agents.Support;

#pragma warning disable RS0030 // The executable's composition root: the operations agent times its health checks on the system clock.
var clock = TimeProvider.System;
#pragma warning restore RS0030

// The optional language model, once per process: on Lambda this is the init phase, where the key is read from the stack's
// secret (infra/businessops.yml); the four agents that draft prose share the one drafter.
var drafter = await LanguageModelSetup.FromProcessAsync(clock, CancellationToken.None).ConfigureAwait(false);

// The Lambda function's command: one warm process serves every agent, chosen by the event's "agent" field
// (on the command line: ai-agents ai-qa-agent --demo). Each ai-<name>-agent executable runs only its own agent.
IAgent[] agents =
[
    new ArchitectAgent(),
    new DeveloperAgent(),
    new QaAgent(),
    new DevOpsAgent(),
    new ManagerAgent(),
    new ProjectManagerAgent(drafter),
    new MarketingAgent(drafter),
    new SalesAgent(drafter),
    new SupportAgent(drafter),
    new CustomerSuccessAgent(),
    new AnalyticsAgent(),
    new FinanceAgent(),
    new OperationsAgent(clock),
    new SecurityAgent(),
];
return await AgentHost.RunAsync(agents, args, CancellationToken.None).ConfigureAwait(false);
