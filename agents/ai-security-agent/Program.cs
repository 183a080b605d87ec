using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Security;

return await AgentHost.RunAsync(new SecurityAgent(), args, CancellationToken.None).ConfigureAwait(false);
