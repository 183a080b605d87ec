using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sdk;

/// <summary>One agent: a pure function of its <see cref="AgentContext"/> that returns a result. It writes nothing.</summary>
public interface IAgent
{
    /// <summary>The executable name, e.g. <c>ai-security-agent</c>.</summary>
    string Name { get; }

    /// <summary>Runs the analysis. Throws <see cref="Forms.BadInputException"/> for missing or invalid fields.</summary>
    Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken);
}
