using BusinessOps.Agents.Operations;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new OperationsAgent(), args, CancellationToken.None).ConfigureAwait(false);
