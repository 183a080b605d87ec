using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Marketing;

return await AgentHost.RunAsync(new MarketingAgent(), args, CancellationToken.None).ConfigureAwait(false);
