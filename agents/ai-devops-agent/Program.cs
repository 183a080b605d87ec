using BusinessOps.Agents.DevOps;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new DevOpsAgent(), args, CancellationToken.None).ConfigureAwait(false);
