using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Policies.Agents;

/// <summary>What the agents' rules must satisfy beyond their shape: each problem with the JSON path of the value at fault.</summary>
internal static class RulesChecks
{
    private static readonly string[] Autonomies = ["L1", "L2", "L3"];
    private static readonly string[] Restrictions = ["none", "rate-limited", "suspended"];
    private static readonly string[] Severities = ["critical", "high", "medium", "low"];

    public static IEnumerable<(string Path, string Message)> Support(SupportRules r)
    {
        if (r.Categories.Count == 0)
        {
            yield return ("$.categories", "list at least one category");
        }

        foreach (var (c, i) in r.Categories.Select((c, i) => (c, i)))
        {
            foreach (var problem in Keywords($"$.categories[{i}].subcategories", c.Subcategories))
            {
                yield return problem;
            }
        }

        foreach (var (s, i) in r.Severities.Select((s, i) => (s, i)))
        {
            if (!Severities.Contains(s.Name))
            {
                yield return ($"$.severities[{i}].name", $"'{s.Name}' is not a severity; use one of {string.Join(", ", Severities)}");
            }
        }

        foreach (var (t, i) in r.TimeRules.Select((t, i) => (t, i)))
        {
            if (t.Severity != "any" && !Severities.Contains(t.Severity))
            {
                yield return ($"$.timeRules[{i}].severity", $"'{t.Severity}' is not a severity; use one of {string.Join(", ", Severities)} or any");
            }

            if (t.AfterHours <= 0)
            {
                yield return ($"$.timeRules[{i}].afterHours", "must be more than 0 hours");
            }
        }

        foreach (var p in Fraction("$.autoResolve.minConfidence", r.AutoResolve.MinConfidence).Concat(Fraction("$.autoResolve.minCoverage", r.AutoResolve.MinCoverage))
            .Concat(Fraction("$.minAnswerCoverage", r.MinAnswerCoverage)))
        {
            yield return p;
        }
    }

    public static IEnumerable<(string Path, string Message)> Finance(FinanceRules r)
    {
        if (r.ApprovalTiers.Count == 0 || r.ApprovalTiers[^1].BelowUsd is not null)
        {
            yield return ("$.approvalTiers", "the last tier must have no belowUsd (it takes every larger amount)");
        }

        for (var i = 1; i < r.ApprovalTiers.Count; i++)
        {
            if (r.ApprovalTiers[i].BelowUsd is { } b && r.ApprovalTiers[i - 1].BelowUsd is { } a && b <= a)
            {
                yield return ($"$.approvalTiers[{i}].belowUsd", "tiers must ascend: each bound above the one before");
            }
        }

        var days = r.Recovery.Retries.Select(s => s.Day).ToList();
        if (days.Count == 0 || days.Any(d => d < 1) || !days.SequenceEqual(days.Order().Distinct()))
        {
            yield return ("$.recovery.retries", "retry days must be 1 or more and ascend without repeats");
        }

        foreach (var (step, i) in r.Recovery.Retries.Select((x, i) => (x, i)))
        {
            if (TemplateCheck.Errors("message", step.Message) is [var first, ..])
            {
                yield return ($"$.recovery.retries[{i}].message", $"the message is not a valid template: {first.Message}");
            }
        }

        foreach (var (x, i) in r.Recovery.Restrictions.Select((x, i) => (x, i)))
        {
            if (!Restrictions.Contains(x.Restriction))
            {
                yield return ($"$.recovery.restrictions[{i}].restriction", $"'{x.Restriction}' is not a restriction; use one of {string.Join(", ", Restrictions)}");
            }
        }

        if (r.Recovery.Restrictions.Count == 0 || r.Recovery.Restrictions[0].FromDay != 0)
        {
            yield return ("$.recovery.restrictions", "the first restriction must start at day 0");
        }

        if (r.BudgetWarnAt <= 0 || r.BudgetWarnAt > r.BudgetOverAt)
        {
            yield return ("$.budgetWarnAt", "must be above 0 and not above budgetOverAt");
        }
    }

    public static IEnumerable<(string Path, string Message)> CustomerSuccess(CustomerSuccessRules r)
    {
        var sum = r.Weights.Sum(w => w.Weight);
        if (Math.Abs(sum - 1) > 0.001)
        {
            yield return ("$.weights", $"weights must sum to 1 (they sum to {sum:0.###})");
        }

        for (var i = 0; i < r.Bands.Count; i++)
        {
            var b = r.Bands[i];
            if (!Autonomies.Contains(b.Autonomy))
            {
                yield return ($"$.bands[{i}].autonomy", $"'{b.Autonomy}' is not an autonomy level; use L1, L2 or L3");
            }

            if (i > 0 && b.Min >= r.Bands[i - 1].Min)
            {
                yield return ($"$.bands[{i}].min", "bands go from the highest min down");
            }
        }

        if (r.Bands.Count == 0 || r.Bands[^1].Min != 0)
        {
            yield return ("$.bands", "the last band must start at 0 so every score has a band");
        }

        if (r.Segments.Count == 0)
        {
            yield return ("$.segments", "list at least one onboarding segment");
        }

        foreach (var p in Fraction("$.recencyFloor", r.RecencyFloor).Concat(Keywords("$.themes", r.Themes)))
        {
            yield return p;
        }
    }

    public static IEnumerable<(string Path, string Message)> Analytics(AnalyticsRules r)
    {
        if (r.AnomalyZ <= 0)
        {
            yield return ("$.anomalyZ", "must be more than 0");
        }

        if (r.AnomalyMinHistory < 2)
        {
            yield return ("$.anomalyMinHistory", "must be 2 or more (a standard deviation needs two values)");
        }

        if (BriefingTarget(r.BriefingTo) is { } briefing)
        {
            yield return ("$.briefingTo", briefing);
        }
    }

    public static IEnumerable<(string Path, string Message)> Sales(SalesRules r)
    {
        if (r.Grades.Count == 0 || r.Grades[^1].Min != 0)
        {
            yield return ("$.grades", "the last grade must start at 0");
        }

        if (r.Plans.Count == 0)
        {
            yield return ("$.plans", "list at least one plan");
        }

        foreach (var p in Fraction("$.maxDiscountWithoutApproval", (double)r.MaxDiscountWithoutApproval).Concat(Fraction("$.annualDiscount", (double)r.AnnualDiscount)))
        {
            yield return p;
        }
    }

    public static IEnumerable<(string Path, string Message)> Advisories(AdvisoryFile f)
    {
        foreach (var (a, i) in f.Advisories.Select((a, i) => (a, i)))
        {
            if (a.Ecosystem is not ("nuget" or "npm"))
            {
                yield return ($"$.advisories[{i}].ecosystem", $"'{a.Ecosystem}' is not supported; use nuget or npm");
            }

            if (!Severities.Contains(a.Severity))
            {
                yield return ($"$.advisories[{i}].severity", $"'{a.Severity}' is not a severity; use one of {string.Join(", ", Severities)}");
            }

            foreach (var (v, name) in new[] { (a.Introduced, "introduced"), (a.Fixed, "fixed") })
            {
                if (v is not null && !Core.Agents.Rules.PackageVersion.TryParse(v, out _))
                {
                    yield return ($"$.advisories[{i}].{name}", $"'{v}' is not a version like 1.2.3 (quote it: \"1.2\")");
                }
            }
        }
    }

    /// <summary>Why a briefing destination is not empty, <c>#N</c> or an endpoint name; null when it is one.</summary>
    private static string? BriefingTarget(string to) =>
        to.Length == 0 || Core.Effects.EffectShape.TryIssueNumber(to, out _) || Core.Effects.EffectShape.IsName(to)
            ? null
            : $"'{to}' is not a destination: leave it empty, name an issue (\"#12\") or a chat endpoint of connectors.yml (team-chat)";

    public static IEnumerable<(string Path, string Message)> Delivery(DeliveryRules r)
    {
        if (BriefingTarget(r.OversightTo) is { } oversight)
        {
            yield return ("$.oversightTo", oversight);
        }

        var sum = r.DecisionWeights.Values.Sum();
        if (Math.Abs(sum - 1) > 0.001)
        {
            yield return ("$.decisionWeights", $"weights must sum to 1 (they sum to {sum:0.###})");
        }

        if (r.MediumConfidence >= r.HighConfidence)
        {
            yield return ("$.mediumConfidence", "must be below highConfidence");
        }

        foreach (var (w, i) in r.FreezeWindows.Select((w, i) => (w, i)))
        {
            if (!DateOnly.TryParseExact(w.From, "yyyy-MM-dd", out var from) || !DateOnly.TryParseExact(w.To, "yyyy-MM-dd", out var to) || to < from)
            {
                yield return ($"$.freezeWindows[{i}]", "from and to must be dates YYYY-MM-DD with to on or after from");
            }
        }

        foreach (var (d, i) in r.Drivers.Select((d, i) => (d, i)).Where(x => x.d.Floor < 0 || x.d.Points < 0))
        {
            yield return ($"$.drivers[{i}]", $"points and floor of driver '{d.Name}' must not be negative");
        }

        if (r.HoursPerPoint <= 0 || r.UnknownsMultiplier < 1)
        {
            yield return ("$.hoursPerPoint", "hoursPerPoint must be positive and unknownsMultiplier at least 1");
        }
    }

    public static IEnumerable<(string Path, string Message)> Operations(OperationsRules r) =>
        Fraction("$.availabilityObjective", r.AvailabilityObjective).Concat(Fraction("$.downsizeBelow", r.DownsizeBelow)).Concat(Fraction("$.upsizeAbove", r.UpsizeAbove))
            .Concat(r.TlsCriticalDays > r.TlsWarnDays ? [("$.tlsCriticalDays", "must not be above tlsWarnDays")] : []);

    public static IEnumerable<(string Path, string Message)> Manager(ManagerRules r)
    {
        if (!(r.StaleAfterDays is > 0 and <= 3650))
        {
            yield return ("$.staleAfterDays", "a number of days from 1 to 3650");
        }

        foreach (var p in Fraction("$.duplicateSimilarity", r.DuplicateSimilarity))
        {
            yield return p;
        }
    }

    public static IEnumerable<(string Path, string Message)> Marketing(MarketingRules r)
    {
        var sum = r.Channels.Sum(c => c.BudgetShare);
        if (r.Channels.Count == 0 || Math.Abs(sum - 1) > 0.001)
        {
            yield return ("$.channels", $"list channels whose budgetShare sums to 1 (they sum to {sum:0.###})");
        }

        if (r.TitleMin > r.TitleMax || r.MetaMin > r.MetaMax)
        {
            yield return ("$.titleMin", "each min must not be above its max");
        }
    }

    public static IEnumerable<(string Path, string Message)> LanguageModel(LanguageModelPolicy p)
    {
        if (p.TimeoutSeconds is <= 0 or > 300)
        {
            yield return ("$.timeoutSeconds", "must be between 0 and 300 seconds");
        }

        if (p.MaxOutputTokens is < 16 or > 8192)
        {
            yield return ("$.maxOutputTokens", "must be between 16 and 8192");
        }
    }

    private static IEnumerable<(string, string)> Keywords(string path, IReadOnlyList<KeywordRule> rules) =>
        rules.Select((k, i) => (k, i)).Where(x => x.k.Keywords.Count == 0 || x.k.Keywords.Any(string.IsNullOrWhiteSpace))
            .Select(x => ($"{path}[{x.i}].keywords", "list at least one keyword, none empty"));

    private static IEnumerable<(string, string)> Fraction(string path, double value) =>
        value is >= 0 and <= 1 ? [] : [(path, $"{value} is not a fraction from 0 to 1")];
}
