using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-sales-agent", args, CancellationToken.None).ConfigureAwait(false);
