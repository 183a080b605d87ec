using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-devops-agent", args, CancellationToken.None).ConfigureAwait(false);
