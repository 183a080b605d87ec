using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Management;

return await AgentHost.RunAsync(new ManagerAgent(), args, CancellationToken.None).ConfigureAwait(false);
