using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new SalesAgent(), args, CancellationToken.None).ConfigureAwait(false);
