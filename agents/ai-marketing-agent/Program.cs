using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new MarketingAgent(), args, CancellationToken.None).ConfigureAwait(false);
