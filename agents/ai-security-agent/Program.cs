using BusinessOps.Agents.Security;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new SecurityAgent(), args, CancellationToken.None).ConfigureAwait(false);
