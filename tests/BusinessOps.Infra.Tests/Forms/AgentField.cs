namespace BusinessOps.Infra.Tests.Forms;

/// <summary>One <c>### Field</c> an agent reads, as docs/AGENTS.md lists it (<c>*</c> = required).</summary>
public sealed record AgentField(string Label, bool Required);
