using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Operations;

#pragma warning disable RS0030 // The executable's composition root: the health checks time their latency on the system clock.
var agent = new OperationsAgent(TimeProvider.System);
#pragma warning restore RS0030
return await AgentHost.RunAsync(agent, args, CancellationToken.None).ConfigureAwait(false);
