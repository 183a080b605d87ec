using System.Globalization;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A client's own daily spending limit (<c>dailySpendUsd</c> in <c>policies/tenants.yml</c>) before an agent run is
/// dispatched: once the agents' spending on that client's issues today (UTC) has reached it, the client's issues wait
/// queued, with one note saying why and until when, while every other client's work goes on. Today's spending is read
/// only for a client that has such a limit.
/// </summary>
internal static class SpendLimitStep
{
    /// <summary>The decision to wait with (or to gather today's spending first), or null when the client may spend.</summary>
    public static Decision? Check(Decision d, DecisionInput input)
    {
        if (input.Tenant is not { } client || Tenancy.Find(input.Policies.Clients, client)?.DailySpendUsd is not { } limit)
        {
            return null;
        }

        if (!input.Context.KnowsSpend(input.Now))
        {
            return d with { Needs = new GatherFacts([], SpendToday: true) };
        }

        var spent = input.Context.Spend?.ByClient.GetValueOrDefault(client) ?? 0m;
        if (spent < limit)
        {
            return null;
        }

        var day = SpendLedger.Day(input.Now);
        var note = ClientComments.SpendLimit(client, spent, limit, day.AddDays(1));
        return d.Note(input, NoteKey.For("client-spend", client + "-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), note).WithStatus(IssueStatus.Queued);
    }
}
