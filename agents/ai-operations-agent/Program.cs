using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-operations-agent", args, CancellationToken.None).ConfigureAwait(false);
