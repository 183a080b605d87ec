using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Quality;

return await AgentHost.RunAsync(new QaAgent(), args, CancellationToken.None).ConfigureAwait(false);
