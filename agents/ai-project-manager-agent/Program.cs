using BusinessOps.Agents.ProjectManagement;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new ProjectManagerAgent(), args, CancellationToken.None).ConfigureAwait(false);
