using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Triggers;

/// <summary>
/// A settled agent result as the coordinator sees it: which agent, which issue, whose client (from the issue's
/// label), its outputs, and the outputs of the previous result of the same agent for the same client (for change rules).
/// </summary>
public sealed record ObservedResult(string Agent, int Issue, string? Client, JsonObject Outputs, JsonObject? Previous);
