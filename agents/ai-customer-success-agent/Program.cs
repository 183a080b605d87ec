using BusinessOps.Agents.Hosting;

return await AgentHost.RunAsync("ai-customer-success-agent", args, CancellationToken.None).ConfigureAwait(false);
