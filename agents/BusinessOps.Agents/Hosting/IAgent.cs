using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>One of the fourteen agents: reads its form fields from the context and returns a result.</summary>
internal interface IAgent
{
    /// <summary>The executable name, e.g. <c>ai-security-agent</c>.</summary>
    string Name { get; }

    /// <summary>Runs the analysis. Throws <see cref="BadInputException"/> for missing or invalid fields.</summary>
    Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken);
}
