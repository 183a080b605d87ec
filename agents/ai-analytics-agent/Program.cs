using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-analytics-agent", args, CancellationToken.None).ConfigureAwait(false);
