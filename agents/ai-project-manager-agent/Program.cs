using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-project-manager-agent", args, CancellationToken.None).ConfigureAwait(false);
