using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-manager-agent", args, CancellationToken.None).ConfigureAwait(false);
