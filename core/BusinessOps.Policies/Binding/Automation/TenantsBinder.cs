using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Schedules;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// <c>tenants.yml</c>: <c>clients</c>, a mapping of client id (the <c>client/&lt;id&gt;</c> label) to its profile —
/// <c>name</c>, <c>context</c>, <c>timeZone</c>, <c>settings</c>, <c>limits</c>, <c>contacts</c>, <c>kpis</c>, <c>schedules</c>.
/// </summary>
internal static class TenantsBinder
{
    public static Result Bind(YamlValue root, FileDiagnostics diagnostics, IReadOnlyCollection<string> workflows)
    {
        var read = new ValueReader(diagnostics);
        var profiles = new List<ClientProfile>();
        var schedules = new List<ScheduleDefinition>();
        if (MapReader.Open(diagnostics, root, string.Empty, "clients") is not { } file || file.Get("clients") is not { } clientsNode)
        {
            return new Result(ClientDirectory.Empty, schedules);
        }

        if (clientsNode is not YamlMap clients)
        {
            diagnostics.Error(clientsNode, $"'clients' must be a mapping of client id to profile (acme: {{ name: Acme Corp, … }}); found {clientsNode.Describe()}");
            return new Result(ClientDirectory.Empty, schedules);
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in clients.Entries)
        {
            var id = AutomationIds.Read(read, entry.Key, "client id");
            if (id is null)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                diagnostics.Error(entry.Key, $"client '{id}' is listed twice");
                continue;
            }

            if (Profile(read, id, entry.Value, schedules, workflows) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return new Result(new ClientDirectory(profiles), schedules);
    }

    private static ClientProfile? Profile(ValueReader read, string id, YamlValue node, List<ScheduleDefinition> schedules, IReadOnlyCollection<string> workflows)
    {
        var path = "clients." + id;
        if (MapReader.Open(read.Diagnostics, node, path, "name", "context", "timeZone", "settings", "limits", "contacts", "kpis", "schedules") is not { } map)
        {
            return null;
        }

        var name = map.Require("name") is { } n ? read.Text(n, "name", 100) : null;
        var context = map.Get("context") is { } c ? read.Text(c, "context", 8000) : string.Empty;
        var zone = map.Get("timeZone") is { } z ? ScheduleReader.Zone(read, z) : null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Get("settings") is { } s)
        {
            if (s is YamlMap sm)
            {
                foreach (var e in sm.Entries)
                {
                    if (read.Text(e.Value, e.Key.Value, 1000) is { } v && !settings.TryAdd(e.Key.Value, v))
                    {
                        read.Diagnostics.Error(e.Key, $"duplicate setting '{e.Key.Value}'");
                    }
                }
            }
            else
            {
                read.Diagnostics.Error(s, $"'settings' must be a mapping of name: value; found {s.Describe()}");
            }
        }

        var limits = ClientLimits.None;
        if (map.Get("limits") is { } l && MapReader.Open(read.Diagnostics, l, map.Path("limits"), "dailySpendUsd", "maxConcurrent", "share") is { } lm)
        {
            limits = new ClientLimits(
                lm.Get("dailySpendUsd") is { } d ? read.Usd(d, "dailySpendUsd", positive: true) : null,
                lm.Get("maxConcurrent") is { } m ? read.Int(m, "maxConcurrent", 1, 1000) : null)
            {
                Share = lm.Get("share") is { } sh ? read.Int(sh, "share", 1, 100) ?? 1 : 1,
            };
        }

        var contacts = new List<ClientContact>();
        if (map.Get("contacts") is { } cs && read.List(cs, "contacts") is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (MapReader.Open(read.Diagnostics, items[i], $"{map.Path("contacts")}[{i}]", "name", "role", "email", "github") is { } cm
                    && cm.Require("name") is { } cn && read.Text(cn, "name", 100) is { } contactName)
                {
                    contacts.Add(new ClientContact(
                        contactName,
                        cm.Get("role") is { } r ? read.Text(r, "role", 100) : null,
                        cm.Get("email") is { } e ? Email(read, e) : null,
                        cm.Get("github") is { } g ? Login(read, g) : null));
                }
            }
        }

        var kpis = new List<string>();
        if (map.Get("kpis") is { } k && read.List(k, "kpis") is { } kpiItems)
        {
            kpis.AddRange(kpiItems.Select(item => read.Text(item, "kpis", 100)).OfType<string>());
        }

        if (map.Get("schedules") is { } sched && read.List(sched, "schedules") is { } entries)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (ScheduleReader.Read(read, entries[i], $"{map.Path("schedules")}[{i}]", zone ?? TimeZoneInfo.Utc, workflows) is { } entry)
                {
                    schedules.Add(entry.Schedule with { Id = entry.Schedule.Id + "/" + id, Client = id });
                }
            }
        }

        return name is null ? null : new ClientProfile(id, name)
        {
            Context = context ?? string.Empty,
            Settings = settings,
            Limits = limits,
            Contacts = contacts,
            Kpis = kpis,
            TimeZone = zone?.Id,
        };
    }

    private static string? Email(ValueReader read, YamlValue node)
    {
        var text = read.Text(node, "email", 254);
        if (text is not null && (text.IndexOf('@', StringComparison.Ordinal) is <= 0 || text.Contains(' ', StringComparison.Ordinal)))
        {
            read.Diagnostics.Error(node, $"'email' must be an address such as ana@example.com; found '{YamlText.Shorten(text)}'");
            return null;
        }

        return text;
    }

    private static string? Login(ValueReader read, YamlValue node)
    {
        var text = read.Text(node, "github", 40)?.TrimStart('@');
        if (text is not null && GitHubNames.MemberProblem(text, allowTeams: false) is { } problem)
        {
            read.Diagnostics.Error(node, problem);
            return null;
        }

        return text;
    }

    /// <summary>The clients, and the schedules they declare (ids suffixed with the client, labelled with it).</summary>
    internal sealed record Result(ClientDirectory Clients, List<ScheduleDefinition> Schedules);
}
