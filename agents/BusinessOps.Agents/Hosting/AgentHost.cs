namespace BusinessOps.Agents.Hosting;

/// <summary>Placeholder until the agent host lands.</summary>
public static class AgentHost
{
    public static Task<int> RunAsync(string agent, string[] args, CancellationToken cancellationToken)
    {
        Console.WriteLine(agent + " " + string.Join(' ', args));
        return Task.FromResult(0);
    }
}
