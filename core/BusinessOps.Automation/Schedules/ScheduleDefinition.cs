using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// One schedule of <c>policies/schedules.yml</c> (or a client's in <c>tenants.yml</c>): when it fires, which issue
/// each slot opens, and what to do about missed and overlapping slots. <see cref="Id"/> is stable: it is half of
/// every slot key, so renaming a schedule makes its next slot look new.
/// </summary>
public sealed record ScheduleDefinition(string Id, ScheduleTiming Timing, IssueTemplate Template)
{
    /// <summary>How long after its time a slot still counts as on time (and how far back a brand-new schedule looks).</summary>
    public static TimeSpan DefaultGrace { get; } = TimeSpan.FromHours(1);

    public CatchUpPolicy CatchUp { get; init; } = CatchUpPolicy.Latest;

    public OverlapPolicy Overlap { get; init; } = OverlapPolicy.Allow;

    /// <summary>The client every slot belongs to (<c>client/&lt;id&gt;</c>), or null for the business's own work.</summary>
    public string? Client { get; init; }

    public TimeSpan Grace { get; init; } = DefaultGrace;

    /// <summary>
    /// The workflow each slot starts instead of a single issue (<c>WorkflowStarter.Start</c> with the slot key as start
    /// key and <see cref="WorkflowInputs"/>), or null. The template then only describes the slot.
    /// </summary>
    public string? Workflow { get; init; }

    public JsonObject? WorkflowInputs { get; init; }

    /// <summary>
    /// The KPI report each slot carries (<c>report: week|month|day</c>): the coordinator renders the period that ended at
    /// the slot for <see cref="Client"/> (every client when null) into a comment on the slot's issue, with its PDF. Null: none.
    /// </summary>
    public Core.Kpis.KpiPeriodKind? Report { get; init; }

    /// <summary>A one-line description for listings.</summary>
    public string? Description { get; init; }
}
