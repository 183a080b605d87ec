using BusinessOps.Agents.Analytics;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new AnalyticsAgent(), args, CancellationToken.None).ConfigureAwait(false);
