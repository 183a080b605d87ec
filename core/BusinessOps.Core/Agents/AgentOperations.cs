using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Agents;

/// <summary>
/// What each agent operation needs and gives: one entry per issue form (<c>.github/ISSUE_TEMPLATE/&lt;form&gt;.yml</c>),
/// the fields the agent requires and the outputs it writes. <c>policies validate</c> holds workflows, triggers and
/// schedules to it; a test runs every form through its agent and fails if this drifts from what the agent does.
/// </summary>
public static class AgentOperations
{
    public static IReadOnlyList<AgentOperation> All { get; } =
    [
        new("architecture-decision", AgentNames.Architect, "dev/architecture",
            ["Decision", "Options", "Criteria", "Scores"],
            ["recommended", "margin", "ranking", "weights", "risks", "adrPath"]),
        new("customer-feedback", AgentNames.CustomerSuccess, "success/feedback",
            ["Customer", "Feedback"],
            ["customer", "lines", "themes", "unthemed"]),
        new("customer-health", AgentNames.CustomerSuccess, "success/user-research",
            ["Customer", "Active usage", "Feature adoption", "Login frequency", "Support health", "Training completion", "Survey score", "Payment health", "Contract growth"],
            ["customer", "score", "rawScore", "recencyFactor", "trend", "previousScore", "band", "autonomy", "intervention", "reviewBy", "weakest", "usage", "engagement", "commercial"]),
        new("customer-onboarding", AgentNames.CustomerSuccess, "success/onboarding",
            ["Customer", "Employees", "Monthly value"],
            ["customer", "segment", "day", "sequence", "interventions", "next"]),
        new("deployment-plan", AgentNames.DevOps, "dev/deploy",
            ["Service", "Version", "Environment"],
            ["action", "service", "version", "previousVersion", "environment", "strategy", "ref", "date", "blocked", "checks", "preChecks", "steps", "rollbackTriggers", "rollbackSteps", "warnings"]),
        new("endpoint-health", AgentNames.Operations, "operations/monitoring",
            [],
            ["endpoints", "up", "slow", "down", "availability", "maxLatencyMs", "timeoutMs", "latencyBudgetMs", "checks", "uptime", "checksRecorded", "errorBudgetConsumed", "burnRate", "estimatedMonthlySavingsUsd", "rightsizing"])
        {
            AnyOf = ["Endpoints", "Resource usage (CSV)"],
        },
        new("implementation-plan", AgentNames.Developer, "dev/implementation",
            ["Feature", "Acceptance criteria"],
            ["feature", "taskCount", "storyPoints", "hours", "tasks", "scaffold", "scaffoldFiles"]),
        new("invoice-validation", AgentNames.Finance, "finance/analysis",
            ["Vendor", "Invoice number", "Invoice date", "Due date", "Line items", "Tax rate", "Total"],
            ["vendor", "invoiceNumber", "valid", "subtotal", "tax", "computedTotal", "statedTotal", "difference", "approvalTier", "approver", "dueDate", "checks"]),
        new("kpi-report", AgentNames.Analytics, "analytics/reporting",
            [],
            ["usedContext", "period", "periodDays", "metricsDay", "metrics", "anomalies", "briefing", "urgent", "focus"]),
        new("lead-qualification", AgentNames.Sales, "sales/lead-qualification",
            ["Company", "Budget", "Authority", "Need", "Timing"],
            ["company", "score", "grade", "budgetPoints", "authorityPoints", "needPoints", "timingPoints", "nextAction"]),
        new("marketing-campaign", AgentNames.Marketing, "marketing/campaigns",
            ["Campaign", "Audience", "Budget", "Start date", "End date"],
            ["campaign", "audience", "start", "end", "budget", "copy", "copyFromModel", "channels", "emails"]),
        new("payment-recovery", AgentNames.Finance, "finance/payments",
            ["Customer", "Amount", "Failed on", "Decline code"],
            ["customer", "amount", "declineCode", "day", "restriction", "escalate", "escalationReasons", "retries"]),
        new("performance-review", AgentNames.Operations, "operations/optimization",
            [],
            ["endpoints", "up", "slow", "down", "availability", "maxLatencyMs", "timeoutMs", "latencyBudgetMs", "checks", "uptime", "checksRecorded", "errorBudgetConsumed", "burnRate", "estimatedMonthlySavingsUsd", "rightsizing"])
        {
            AnyOf = ["Endpoints", "Resource usage (CSV)"],
        },
        new("project-oversight", AgentNames.ProjectManager, "management/oversight",
            [],
            ["scope", "usedContext", "omitted", "examined", "escalatedCount", "breachedCount", "blockedCount", "waitingCount", "escalated", "breached", "blocked", "waiting", "workload"]),
        new("quality-gates", AgentNames.Qa, "dev/qa",
            ["Test results", "Coverage"],
            ["gatesPassed", "coverage", "coverageGate", "coverageGatePassed", "passRate", "passRateGate", "passRateGatePassed", "securityScore", "securityGate", "securityGatePassed", "performanceScore", "performanceGate", "performanceGatePassed", "regressed", "tests", "passed", "failures", "errors", "skipped", "failedTests", "flakyTests", "pullRequest"]),
        new("sales-proposal", AgentNames.Sales, "sales/proposals",
            ["Company", "Contact email", "Plan", "Seats"],
            ["company", "contactEmail", "plan", "seats", "billing", "listMonthly", "annualDiscount", "negotiatedDiscount", "netMonthly", "termMonths", "termTotal", "effectiveDiscount", "approvalNeeded", "approver", "narrativeFromModel"]),
        new("secret-scan", AgentNames.Security, "security/compliance",
            [],
            ["score", "findingCount", "critical", "linesScanned", "filesScanned", "scanTruncated", "skipped", "workflowFindings", "findings", "dependenciesAudited", "dependenciesUnaudited", "vulnerableDependencies"])
        {
            AnyOf = ["Content", "Repository path", "Directory.Packages.props", "package-lock.json"],
        },
        new("seo-review", AgentNames.Marketing, "marketing/seo",
            ["Page title", "Meta description", "Focus keyword", "Content"],
            ["score", "titleLength", "metaDescriptionLength", "words", "sentences", "keywordOccurrences", "keywordDensity", "h1", "h2", "fleschReadingEase", "recommendations"]),
        new("support-ticket", AgentNames.Support, "support/quality-assurance",
            ["Description"],
            ["category", "subcategory", "severity", "queue", "customer", "productArea", "responseTarget", "escalate", "escalationReasons", "answer", "answerFromModel", "sources", "autoResolved", "timeEscalations", "evidence"]),
        new("triage-request", AgentNames.Manager, "dev/management",
            [],
            ["suggestedLabel", "suggestedAgent", "suggestedPriority", "confidence", "matched", "priorityMatched", "scores", "possibleDuplicates", "comparedWith", "staleAfterDays", "stale", "staleCount"]),
    ];

    /// <summary>The operations of <paramref name="agent"/> (a full agent name); empty for an unknown agent.</summary>
    public static IReadOnlyList<AgentOperation> Of(string agent) => [.. All.Where(o => string.Equals(o.Agent, agent, StringComparison.Ordinal))];
}
