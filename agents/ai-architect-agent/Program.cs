using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-architect-agent", args, CancellationToken.None).ConfigureAwait(false);
