using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-security-agent", args, CancellationToken.None).ConfigureAwait(false);
