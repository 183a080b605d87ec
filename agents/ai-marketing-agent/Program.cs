using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-marketing-agent", args, CancellationToken.None).ConfigureAwait(false);
