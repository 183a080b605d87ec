using BusinessOps.Agents.Management;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new ManagerAgent(), args, CancellationToken.None).ConfigureAwait(false);
