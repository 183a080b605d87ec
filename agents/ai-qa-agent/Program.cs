using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new QaAgent(), args, CancellationToken.None).ConfigureAwait(false);
