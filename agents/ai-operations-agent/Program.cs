using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Operations;

return await AgentHost.RunAsync(new OperationsAgent(), args, CancellationToken.None).ConfigureAwait(false);
