using BusinessOps.Agents.Support;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new SupportAgent(), args, CancellationToken.None).ConfigureAwait(false);
