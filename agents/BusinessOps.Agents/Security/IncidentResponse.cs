using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Security;

/// <summary>
/// A <c>security/incident</c> issue (opened by an approved scan) has nothing to scan: the agent answers with the response
/// checklist, so the incident is owned and tracked instead of failing as a form without content.
/// </summary>
internal static class IncidentResponse
{
    public static AgentResult Run(AgentContext context)
    {
        string[] steps =
        [
            "Revoke and rotate every credential listed in the incident.",
            "Check the providers' audit logs (cloud, GitHub, chat) for use of the credentials since exposure.",
            "Remove the secrets from the repository history and enable push protection and secret scanning.",
            "Record the timeline and the root cause; close the incident when every credential is rotated.",
        ];
        var outputs = new JsonObject { ["incident"] = true, ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]) };
        var classification = new Classification(Impact.High, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 0m);
        return ResultFactory.Create(context, AgentOutcome.Completed, "Security incident: rotate the exposed credentials and check their use; the checklist is in the issue.", null, steps, outputs, classification, 0.9);
    }
}
