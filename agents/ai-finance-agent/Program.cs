using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-finance-agent", args, CancellationToken.None).ConfigureAwait(false);
