using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Automation.Schedules;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Time;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// One schedule entry (of <c>schedules.yml</c> or a client's <c>schedules:</c> in <c>tenants.yml</c>): <c>id</c>,
/// <c>cron</c> + <c>timeZone</c> or <c>every</c>, <c>catchUp</c>, <c>catchUpWindow</c>, <c>overlap</c>, <c>grace</c>,
/// <c>perClient</c>, <c>workflow</c> + <c>inputs</c>, <c>report</c>, and the <c>issue</c> template.
/// </summary>
internal static partial class ScheduleReader
{
    private static readonly string[] Keys =
        ["id", "description", "cron", "timeZone", "every", "startAt", "catchUp", "catchUpWindow", "overlap", "grace", "perClient", "workflow", "inputs", "report", "issue"];

    private static readonly Choices<CatchUpMode> CatchUpModes = new("catch-up", ("latest", CatchUpMode.Latest), ("all", CatchUpMode.All), ("none", CatchUpMode.None));

    private static readonly Choices<OverlapPolicy> Overlaps = new("overlap", ("allow", OverlapPolicy.Allow), ("skip", OverlapPolicy.Skip), ("supersede", OverlapPolicy.Supersede));

    /// <summary>The schedule and whether it is per client; null after reporting what is wrong.</summary>
    public static (ScheduleDefinition Schedule, bool PerClient, YamlValue Node)? Read(ValueReader read, YamlValue node, string path, TimeZoneInfo defaultZone, IReadOnlyCollection<string> workflows)
    {
        if (MapReader.Open(read.Diagnostics, node, path, Keys) is not { } map)
        {
            return null;
        }

        var id = map.Require("id") is { } i ? AutomationIds.Read(read, i, "id") : null;
        var zone = map.Get("timeZone") is { } z ? Zone(read, z) : defaultZone;
        var timing = Timing(read, map, zone ?? defaultZone);
        var catchUp = map.Get("catchUp") is { } c ? read.Choice(c, "catchUp", CatchUpModes) : CatchUpMode.Latest;
        var window = map.Get("catchUpWindow") is { } w ? read.Duration(w, "catchUpWindow") : null;
        if (window is not null && catchUp != CatchUpMode.All)
        {
            read.Diagnostics.Error(map.Get("catchUpWindow")!, "'catchUpWindow' only applies with 'catchUp: all'");
        }

        var overlap = map.Get("overlap") is { } o ? read.Choice(o, "overlap", Overlaps) : OverlapPolicy.Allow;
        var grace = map.Get("grace") is { } g ? read.Duration(g, "grace") : ScheduleDefinition.DefaultGrace;
        var perClient = map.Get("perClient") is { } pc ? read.Bool(pc, "perClient") : false;
        var description = map.Get("description") is { } d ? read.Text(d, "description", 200) : null;
        string? workflow = null;
        if (map.Get("workflow") is { } wf && AutomationIds.Read(read, wf, "workflow") is { } name)
        {
            if (workflows.Contains(name))
            {
                workflow = name;
            }
            else
            {
                read.Diagnostics.Error(wf, $"unknown workflow '{name}'{Suggest.Hint(name, workflows)}; workflows are the files in policies/workflows/ ({(workflows.Count == 0 ? "none" : string.Join(", ", workflows))})");
            }
        }

        var inputs = map.Get("inputs") is { } inNode ? JsonFromYaml.Convert(inNode) as JsonObject : null;
        if (map.Get("inputs") is { } badInputs && inputs is null)
        {
            read.Diagnostics.Error(badInputs, $"'inputs' must be a mapping of start inputs; found {badInputs.Describe()}");
        }

        var report = map.Get("report") is { } r ? Report(read, r, workflow) : null;
        var template = map.Require("issue") is { } t ? TemplateReader.Read(read, t, map.Path("issue"), SlotValues.Names) : null;

        // A workflow's slot opens the workflow's parent, which no agent runs; its steps are checked with the workflow.
        if (workflow is null && template is not null && AgentContract.TemplateProblem(template, $"the issue of schedule '{id}'") is { } lacking)
        {
            read.Diagnostics.Contract(map.Get("issue")!, lacking);
        }
        if (id is null || timing is null || catchUp is null || overlap is null || grace is null || template is null)
        {
            return null;
        }

        var schedule = new ScheduleDefinition(id, timing, template)
        {
            CatchUp = catchUp == CatchUpMode.All ? CatchUpPolicy.All(window ?? TimeSpan.FromDays(7)) : catchUp == CatchUpMode.None ? CatchUpPolicy.None : CatchUpPolicy.Latest,
            Overlap = overlap.Value,
            Grace = grace.Value,
            Description = description,
            Workflow = workflow,
            WorkflowInputs = inputs,
            Report = report,
        };
        return (schedule, perClient ?? false, map.Map);
    }

    /// <summary>The schedule copied for one client: its id suffixed, its issues labelled with the client, its zone the client's if set.</summary>
    public static ScheduleDefinition ForClient(ScheduleDefinition schedule, string client, TimeZoneInfo? clientZone)
    {
        var timing = clientZone is null ? schedule.Timing : schedule.Timing switch
        {
            CronTiming cron when CronTiming.TryCreate(cron.Text, clientZone, out var t, out _) => t!,
            var other => other,
        };
        return schedule with { Id = schedule.Id + "/" + client, Client = client, Timing = timing };
    }

    /// <summary><c>report: week|month|day</c>: the KPI report each slot's issue gets; not with a workflow (its slot opens no issue of its own).</summary>
    private static KpiPeriodKind? Report(ValueReader read, YamlValue node, string? workflow)
    {
        if (read.Text(node, "report", 20) is not { } text)
        {
            return null;
        }

        if (!KpiPeriod.TryParse(text, out var kind))
        {
            read.Diagnostics.Error(node, $"'report' must be {KpiPeriod.Choices} (the period each slot's report covers); found '{text}'");
            return null;
        }

        if (workflow is not null)
        {
            read.Diagnostics.Error(node, "'report' cannot be combined with 'workflow': a workflow's slot opens a parent issue, not a report issue; give the report its own schedule");
            return null;
        }

        return kind;
    }

    public static TimeZoneInfo? Zone(ValueReader read, YamlValue node)
    {
        if (read.Text(node, "timeZone", 100) is not { } name)
        {
            return null;
        }

        var zone = TimeZones.Find(name, out var problem);
        if (zone is null)
        {
            read.Diagnostics.Error(node, problem!);
        }

        return zone;
    }

    private static ScheduleTiming? Timing(ValueReader read, MapReader map, TimeZoneInfo zone)
    {
        var cron = map.Get("cron");
        var every = map.Get("every");
        if ((cron is null) == (every is null))
        {
            read.Diagnostics.Error(cron ?? every ?? map.Map, $"'{(map.Where.Length == 0 ? "schedule" : map.Where)}' needs exactly one of 'cron' (e.g. \"0 8 * * 1-5\") or 'every' (e.g. 6h or \"6 hours\")");
            return null;
        }

        if (cron is not null)
        {
            if (read.Text(cron, "cron", 100) is not { } text)
            {
                return null;
            }

            if (!CronTiming.TryCreate(text, zone, out var timing, out var problem))
            {
                read.Diagnostics.Error(cron, problem!);
            }

            return timing;
        }

        var span = Interval(every!);
        if (span is null || span < IntervalTiming.Min)
        {
            read.Diagnostics.Error(every!, $"'every' must be an interval of at least 5 minutes such as 30m, 6h, 1d or \"6 hours\"; found {every!.Describe()}");
            return null;
        }

        var anchor = IntervalTiming.DefaultAnchor;
        if (map.Get("startAt") is { } s)
        {
            if (s is YamlText st && DateTimeOffset.TryParse(st.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                anchor = at;
            }
            else
            {
                read.Diagnostics.Error(s, $"'startAt' must be a date and time such as 2026-01-01T06:00:00Z; found {s.Describe()}");
            }
        }

        return new IntervalTiming(span.Value, anchor, zone);
    }

    private static TimeSpan? Interval(YamlValue node)
    {
        if (node is not YamlText { IsNull: false } text)
        {
            return null;
        }

        var t = text.Value.Trim();
        if (t.StartsWith("every ", StringComparison.Ordinal))
        {
            t = t[6..].Trim();
        }

        if (Durations.TryParse(t, out var d))
        {
            return d;
        }

        if (Words().Match(t) is { Success: true } m && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            var unit = m.Groups["u"].Value;
            var span = unit.StartsWith("minute", StringComparison.Ordinal) ? TimeSpan.FromMinutes(n) : unit.StartsWith("hour", StringComparison.Ordinal) ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
            return span <= Durations.Max ? span : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<n>[0-9]{1,6})\s+(?<u>minutes?|hours?|days?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
