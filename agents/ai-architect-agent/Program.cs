using BusinessOps.Agents.Architecture;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new ArchitectAgent(), args, CancellationToken.None).ConfigureAwait(false);
