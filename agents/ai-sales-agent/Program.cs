using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Sales;

return await AgentHost.RunAsync(new SalesAgent(), args, CancellationToken.None).ConfigureAwait(false);
