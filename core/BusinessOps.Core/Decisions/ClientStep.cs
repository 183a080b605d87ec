using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Client isolation before a dispatch (when <see cref="PolicySet.Clients"/> is configured): an issue with a
/// <c>client/&lt;id&gt;</c> label without a profile, with two client labels, or asking in its form for another client's
/// data is not dispatched; it goes to <c>status/needs-triage</c> with one note saying what to fix.
/// </summary>
internal static class ClientStep
{
    /// <summary>The decision with the note and the triage reason, or null when the issue's client is fine.</summary>
    public static (Decision Decision, string Reason)? Check(Decision d, DecisionInput input)
    {
        if (input.Policies.Clients is not { } profiles)
        {
            return null;
        }

        var clients = input.Labels.Clients.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clients.Count > 1)
        {
            return (d.Note(input, NoteKey.For("clients", string.Join('+', clients)), ClientComments.Ambiguous(Tenancy.Ambiguous(clients))), "several client labels");
        }

        var own = clients.Count == 1 ? clients[0] : null;
        if (own is not null && !profiles.ContainsKey(own))
        {
            return (d.Note(input, NoteKey.For("client-unknown", own), ClientComments.Unknown(Tenancy.Unknown(own, profiles.Keys))), "no profile for client " + own);
        }

        if (Tenancy.OtherClientRequested(input.Issue.Body, own) is { } other)
        {
            return (d.Note(input, NoteKey.For("client-refused", other), ClientComments.Refused(Tenancy.Refusal(own, Text.Inline(other)), own)), "asks for another client's data");
        }

        return null;
    }
}
