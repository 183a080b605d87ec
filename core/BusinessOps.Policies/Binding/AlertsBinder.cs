using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>alerts.yml</c>: <c>onCall</c>, <c>targets</c>, <c>rules</c>, <c>delivery</c>, <c>dashboard</c>.</summary>
internal static class AlertsBinder
{
    public static AlertsPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var d = AlertsPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "onCall", "targets", "rules", "delivery", "dashboard") is not { } file)
        {
            return d;
        }

        var onCall = file.Get("onCall") is { } o ? OnCall(read, o) : d.OnCall;
        var targets = file.Get("targets") is { } t ? Targets(read, t) : d.Targets;
        var rules = file.Get("rules") is { } r ? Rules(read, r) : d.Rules;
        var delivery = file.Get("delivery") is { } dl ? Delivery(read, dl) : d.Delivery;
        var dashboard = file.Get("dashboard") is { } db ? Dashboard(read, db) : d.Dashboard;
        return new AlertsPolicy(onCall, targets, rules, delivery, dashboard);
    }

    private static List<string> OnCall(ValueReader read, YamlValue node)
    {
        var members = new List<string>();
        foreach (var item in read.List(node, "onCall") ?? [])
        {
            if (read.Text(item, "onCall", 140) is not { } text)
            {
                continue;
            }

            var member = text.TrimStart('@');
            if (GitHubNames.MemberProblem(member, allowTeams: true) is { } problem)
            {
                read.Diagnostics.Error(item, $"'onCall': {problem}");
                continue;
            }

            members.Add(member);
        }

        return members;
    }

    private static KpiTargets Targets(ValueReader read, YamlValue node)
    {
        var d = KpiTargets.Default;
        if (MapReader.Open(read.Diagnostics, node, "targets", "automationRate", "slaCompliance", "errorRate") is not { } map)
        {
            return d;
        }

        return new KpiTargets(
            map.Get("automationRate") is { } a ? read.Fraction(a, "targets.automationRate") ?? d.AutomationRate : d.AutomationRate,
            map.Get("slaCompliance") is { } s ? read.Fraction(s, "targets.slaCompliance") ?? d.SlaCompliance : d.SlaCompliance,
            map.Get("errorRate") is { } e ? read.Fraction(e, "targets.errorRate") ?? d.ErrorRate : d.ErrorRate);
    }

    private static AlertRules Rules(ValueReader read, YamlValue node)
    {
        var d = AlertRules.Default;
        if (MapReader.Open(read.Diagnostics, node, "rules", "slaBreach", "failureStreak", "executorFailures", "spending", "missedSlot") is not { } map)
        {
            return d;
        }

        return new AlertRules(
            map.Get("slaBreach") is { } b ? read.Bool(b, "rules.slaBreach") ?? d.SlaBreach : d.SlaBreach,
            map.Get("failureStreak") is { } f ? read.Int(f, "rules.failureStreak", 0, 100) ?? d.FailureStreak : d.FailureStreak,
            map.Get("executorFailures") is { } x ? read.Int(x, "rules.executorFailures", 0, 1000) ?? d.ExecutorFailures : d.ExecutorFailures,
            map.Get("spending") is { } sp ? read.Fraction(sp, "rules.spending") ?? d.SpendingShare : d.SpendingShare,
            map.Get("missedSlot") is { } m ? read.Bool(m, "rules.missedSlot") ?? d.MissedSlot : d.MissedSlot);
    }

    private static AlertDelivery Delivery(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "delivery", "webhook", "email") is not { } map)
        {
            return AlertDelivery.None;
        }

        string? webhook = null;
        if (map.Get("webhook") is { } w && read.Text(w, "delivery.webhook", 64) is { } name)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                read.Diagnostics.Error(w, $"'delivery.webhook' must name an endpoint of connectors.yml (letters, digits, '-', '_'); found '{YamlText.Shorten(name)}'");
            }
            else
            {
                webhook = name;
            }
        }

        var email = new List<string>();
        foreach (var item in map.Get("email") is { } e ? read.List(e, "delivery.email") ?? [] : [])
        {
            if (read.Text(item, "delivery.email", 254) is { } address)
            {
                if (System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address)
                {
                    email.Add(address);
                }
                else
                {
                    read.Diagnostics.Error(item, $"'delivery.email': '{YamlText.Shorten(address)}' is not an email address (name@example.com)");
                }
            }
        }

        return new AlertDelivery(webhook, email);
    }

    private static DashboardSettings Dashboard(ValueReader read, YamlValue node)
    {
        var d = DashboardSettings.Default;
        if (MapReader.Open(read.Diagnostics, node, "dashboard", "enabled", "title", "pin") is not { } map)
        {
            return d;
        }

        string? title = null;
        if (map.Get("title") is { } t && read.Text(t, "dashboard.title", 100) is { } text)
        {
            if (text.Trim().Length == 0 || text.Contains('\n', StringComparison.Ordinal))
            {
                read.Diagnostics.Error(t, "'dashboard.title' must be one line of text");
            }
            else
            {
                title = text.Trim();
            }
        }

        return new DashboardSettings(
            map.Get("enabled") is { } e ? read.Bool(e, "dashboard.enabled") ?? d.Enabled : d.Enabled,
            title ?? d.Title,
            map.Get("pin") is { } p ? read.Bool(p, "dashboard.pin") ?? d.Pin : d.Pin);
    }
}
