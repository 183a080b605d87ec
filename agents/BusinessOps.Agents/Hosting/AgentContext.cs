using BusinessOps.Agents.Forms;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Agents.Hosting;

/// <summary>Everything an agent may look at for one run.</summary>
/// <param name="Agent">Executable name.</param>
/// <param name="Issue">The issue as given (untrusted texts).</param>
/// <param name="Key">Idempotency key of this dispatch.</param>
/// <param name="Phase"><c>plan</c> or <c>execute</c>.</param>
/// <param name="Form">The issue body parsed as an issue form.</param>
/// <param name="Store">The issue store, when one is configured (project-manager and analytics read it).</param>
internal sealed record AgentContext(string Agent, IssueSnapshot Issue, string Key, string Phase, IssueForm Form, IIssueStore? Store)
{
    /// <summary>True in the execute phase: the summary says the work was applied.</summary>
    public bool IsExecute => Phase == Core.Results.IdempotencyKey.ExecutePhase;

    /// <summary>
    /// "Now" for agents that judge ages and due dates: the issue's own timestamp, so the same issue always
    /// gives the same answer (no wall clock in agent logic).
    /// </summary>
    public DateTimeOffset Now => Issue.UpdatedAt > Issue.CreatedAt ? Issue.UpdatedAt : Issue.CreatedAt;
}
