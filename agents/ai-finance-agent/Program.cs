using BusinessOps.Agents.Finance;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new FinanceAgent(), args, CancellationToken.None).ConfigureAwait(false);
