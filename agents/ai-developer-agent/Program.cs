using BusinessOps.Agents.Development;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new DeveloperAgent(), args, CancellationToken.None).ConfigureAwait(false);
