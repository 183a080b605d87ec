using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-support-agent", args, CancellationToken.None).ConfigureAwait(false);
