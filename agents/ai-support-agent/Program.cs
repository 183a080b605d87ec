using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Support;

return await AgentHost.RunAsync(new SupportAgent(), args, CancellationToken.None).ConfigureAwait(false);
