using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Schedules;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary><c>schedules.yml</c>: <c>timeZone</c> (the default zone) and <c>schedules</c>; <c>perClient</c> ones expand over tenants.yml.</summary>
internal static class SchedulesBinder
{
    public static List<ScheduleDefinition> Bind(YamlValue root, FileDiagnostics diagnostics, ClientDirectory clients, IReadOnlyCollection<string> workflows)
    {
        var read = new ValueReader(diagnostics);
        var schedules = new List<ScheduleDefinition>();
        if (MapReader.Open(diagnostics, root, string.Empty, "timeZone", "schedules") is not { } file)
        {
            return schedules;
        }

        var zone = file.Get("timeZone") is { } z ? ScheduleReader.Zone(read, z) ?? TimeZoneInfo.Utc : TimeZoneInfo.Utc;
        if (file.Get("schedules") is not { } list || read.List(list, "schedules") is not { } items)
        {
            return schedules;
        }

        var seen = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (ScheduleReader.Read(read, items[i], $"schedules[{i}]", zone, workflows) is not { } entry)
            {
                continue;
            }

            if (seen.TryGetValue(entry.Schedule.Id, out var first))
            {
                diagnostics.Error(items[i], $"schedule id '{entry.Schedule.Id}' is already used on line {first.Line}; ids must be unique (they are half of every slot key)");
                continue;
            }

            seen.Add(entry.Schedule.Id, items[i]);
            if (!entry.PerClient)
            {
                schedules.Add(entry.Schedule);
                continue;
            }

            foreach (var client in clients.All.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                var clientZone = client.TimeZone is { } tz ? TimeZones.Find(tz, out _) : null;
                schedules.Add(ScheduleReader.ForClient(entry.Schedule, client.Id, clientZone));
            }
        }

        return schedules;
    }
}
