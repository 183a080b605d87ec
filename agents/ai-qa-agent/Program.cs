using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-qa-agent", args, CancellationToken.None).ConfigureAwait(false);
