using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-developer-agent", args, CancellationToken.None).ConfigureAwait(false);
