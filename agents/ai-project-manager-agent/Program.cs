using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.ProjectManagement;

return await AgentHost.RunAsync(new ProjectManagerAgent(), args, CancellationToken.None).ConfigureAwait(false);
