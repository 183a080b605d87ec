using BusinessOps.Agents.CustomerSuccess;
using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync(new CustomerSuccessAgent(), args, CancellationToken.None).ConfigureAwait(false);
