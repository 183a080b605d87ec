using System.Globalization;
using System.Text;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Samples;

/// <summary>
/// Sample issues for <c>coordinator demo</c> and <c>--demo</c>: two per agent (the first of each completes),
/// spread over P0–P3 (some without priority) and two clients, plus one unroutable and one malformed issue.
/// Operations samples probe a closed loopback port unless <c>BUSINESSOPS_DEMO_HEALTH_URL</c> names a live one.
/// </summary>
public static class SampleIssues
{
    /// <summary>Environment variable with a health URL for the first operations sample (e.g. a loopback server the demo starts).</summary>
    public const string DemoHealthUrlVariable = "BUSINESSOPS_DEMO_HEALTH_URL";

    /// <summary>A closed loopback port: reported as a "down" finding without touching the internet.</summary>
    public const string ClosedPortUrl = "http://127.0.0.1:9/health";

    /// <summary>The samples, with invoice dates relative to <paramref name="now"/>'s UTC date.</summary>
    public static IReadOnlyList<SampleIssue> For(DateTimeOffset now) => Build(DateOnly.FromDateTime(now.UtcDateTime), Environment.GetEnvironmentVariable(DemoHealthUrlVariable));

    /// <summary>The samples for a given day (invoice dates 5 days before, due 25 days after) and optional live health URL.</summary>
    public static IReadOnlyList<SampleIssue> Build(DateOnly today, string? healthUrl = null)
    {
        var invoiceDate = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dueDate = today.AddDays(25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var liveUrl = string.IsNullOrWhiteSpace(healthUrl) ? ClosedPortUrl : healthUrl.Trim();
        const string Acme = "client/acme";
        const string Globex = "client/globex";
        return
        [
            new(AgentNames.Architect, "Choose a message queue for order events", FormBody.Of(
                ("Decision", "Which message queue should carry order events between checkout and fulfilment?"),
                ("Options", "Kafka\nRabbitMQ\nSQS"),
                ("Criteria", "throughput: 3\noperability: 2\ncost: 1"),
                ("Scores", "Kafka: 5, 2, 3\nRabbitMQ: 3, 4, 4\nSQS: 4, 5, 4")), ["dev/architecture", "priority/P2", Acme]),
            new(AgentNames.Architect, "Pick a reporting database", FormBody.Of(
                ("Decision", "Which database should serve the monthly reporting workload?"),
                ("Options", "PostgreSQL\nClickHouse"),
                ("Criteria", "query speed: 1\nteam familiarity: 1"),
                ("Scores", "PostgreSQL: 3, 5\nClickHouse: 5, 3")), ["dev/architecture", "priority/P3"]),

            new(AgentNames.Developer, "Invoice export to CSV", FormBody.Of(
                ("Feature", "Let finance export invoices as CSV"),
                ("Acceptance criteria", "- [ ] Users can export invoices as CSV from the invoices page\n- [ ] The export includes tax and totals\n- [ ] An API endpoint returns the same CSV"),
                ("Components", "web, api")), ["dev/implementation", "priority/P2", Globex]),
            new(AgentNames.Developer, "Sync customers with the CRM", FormBody.Of(
                ("Feature", "Two-way customer sync with the CRM"),
                ("Acceptance criteria", "- [ ] Customer changes sync to the CRM through its webhook integration\n- [ ] A database migration adds the external CRM id\n- [ ] Sync errors appear on the admin dashboard"),
                ("Components", "")), ["dev/implementation", "priority/P1", Acme]),

            new(AgentNames.Qa, "Quality gates for release 2.4.1", FormBody.Of(
                ("Test results", "```xml\n" + JUnit(total: 20, failures: 0, skipped: 1) + "\n```"),
                ("Coverage", "```xml\n<coverage line-rate=\"0.86\" lines-covered=\"860\" lines-valid=\"1000\" version=\"1.9\"></coverage>\n```")), ["dev/qa", "priority/P2", Acme]),
            new(AgentNames.Qa, "Quality gates for release 2.5.0-rc.1", FormBody.Of(
                ("Test results", "```xml\n" + JUnit(total: 40, failures: 3, skipped: 0) + "\n```"),
                ("Coverage", "```xml\n<coverage line-rate=\"0.79\" version=\"1.9\"></coverage>\n```")), ["dev/qa", "priority/P1"]) { ExpectFailure = true },

            new(AgentNames.DevOps, "Deploy billing-api 2.4.1 to staging", FormBody.Of(
                ("Service", "billing-api"), ("Version", "2.4.1"), ("Environment", "staging"), ("Strategy", "rolling")), ["dev/deploy", "priority/P2", Globex]),
            new(AgentNames.DevOps, "Deploy billing-api 2.4.1 to production", FormBody.Of(
                ("Service", "billing-api"), ("Version", "2.4.1"), ("Environment", "production"), ("Strategy", "")), ["dev/deploy", "priority/P1", Acme]),

            new(AgentNames.Manager, "Checkout is down for all customers", FormBody.Of(
                ("Request", "Since 09:10 the checkout endpoint returns 503 for all customers. Looks like an outage; health check is red.")), ["dev/management", "priority/P0"]),
            new(AgentNames.Manager, "Who approves large vendor invoices?", FormBody.Of(
                ("Request", "We received a vendor invoice above budget. Who approves the payment and which tax rate applies?")), ["dev/management"]),

            new(AgentNames.ProjectManager, "Weekly oversight: all clients", FormBody.Of(("Scope", "all")), ["management/oversight", "priority/P3"]),
            new(AgentNames.ProjectManager, "Oversight for Acme", FormBody.Of(("Scope", Acme)), ["management/oversight", "priority/P2", Acme]),

            new(AgentNames.Marketing, "SEO review: issue automation landing page", FormBody.Of(
                ("Page title", "Issue Automation for Operations Teams | BusinessOps Guide"),
                ("Meta description", "Learn how issue automation turns GitHub issues into a simple operations database. Route work, track SLAs and approve plans without leaving GitHub today."),
                ("Focus keyword", "issue automation"),
                ("Content", SeoContent())), ["marketing/seo", "priority/P3", Globex]),
            new(AgentNames.Marketing, "SEO review: pricing page", FormBody.Of(
                ("Page title", "Pricing"),
                ("Meta description", "Our prices."),
                ("Focus keyword", "operations platform pricing"),
                ("Content", "# Pricing\n\nThe comprehensive operational management platform incorporates sophisticated organizational capabilities, facilitating extraordinarily configurable administrative functionality throughout multinational enterprise organizations, notwithstanding considerable implementation complexity.\n")), ["marketing/content"]),

            new(AgentNames.Sales, "Lead: Globex enterprise rollout", FormBody.Of(
                ("Company", "Globex Corporation"), ("Budget", "$120,000"), ("Authority", "decision-maker"), ("Need", "critical"), ("Timing", "immediate")), ["sales/leads", "priority/P1", Globex]),
            new(AgentNames.Sales, "Lead: small agency inquiry", FormBody.Of(
                ("Company", "Tiny Agency LLC"), ("Budget", "5000"), ("Authority", "user"), ("Need", "low"), ("Timing", "unknown")), ["sales/leads", "priority/P3"]),

            new(AgentNames.Support, "Charged twice for November", FormBody.Of(
                ("Description", "Our card was charged twice for the November subscription. Please refund the duplicate payment."),
                ("Customer", "Acme Corp"), ("Product area", "Billing")), ["support/quality-assurance", "priority/P2", Acme]),
            new(AgentNames.Support, "Cannot log in after password reset", FormBody.Of(
                ("Description", "Since the password reset yesterday none of our admins can log in; the login page shows an error."),
                ("Customer", "Globex"), ("Product area", "")), ["support/tickets", "priority/P1", Globex]),

            new(AgentNames.CustomerSuccess, "Quarterly health check: Acme", FormBody.Of(
                ("Customer", "Acme Corp"), ("Active usage", "95"), ("Feature adoption", "90"), ("Login frequency", "92"), ("Support health", "88"),
                ("Training completion", "85"), ("Survey score", "90"), ("Payment health", "100"), ("Contract growth", "80")), ["success/user-research", "priority/P3", Acme]),
            new(AgentNames.CustomerSuccess, "Health check: Globex renewal at risk", FormBody.Of(
                ("Customer", "Globex"), ("Active usage", "40"), ("Feature adoption", "30"), ("Login frequency", "50"), ("Support health", "20"),
                ("Training completion", "10"), ("Survey score", "35"), ("Payment health", "60"), ("Contract growth", "0")), ["success/health", "priority/P1", Globex]),

            new(AgentNames.Analytics, "Monthly KPI report", FormBody.Of(("Period", "30")), ["analytics/reporting", "priority/P3"]),
            new(AgentNames.Analytics, "Morning briefing with business metrics", FormBody.Of(("Report", "Morning KPI briefing"), ("Metrics", "```csv\n" + Metrics(today) + "```")), ["analytics/reporting"]),

            new(AgentNames.Finance, "Invoice INV-1001 from Paper & Co", FormBody.Of(
                ("Vendor", "Paper & Co"), ("Invoice number", "INV-1001"), ("Invoice date", invoiceDate), ("Due date", dueDate),
                ("Line items", "Printer paper | 10 | 24.99\nToner cartridge | 2 | 89.50"), ("Tax rate", "8.25"), ("Total", "464.28")), ["finance/analysis", "priority/P3", Acme]),
            new(AgentNames.Finance, "Invoice C-2207 from Initech Consulting", FormBody.Of(
                ("Vendor", "Initech Consulting"), ("Invoice number", "C-2207"), ("Invoice date", invoiceDate), ("Due date", dueDate),
                ("Line items", "Architecture review | 40 | 150.00"), ("Tax rate", "0"), ("Total", "6000.00")), ["finance/analysis", "priority/P2", Globex]),

            new(AgentNames.Operations, "Checkout health check", FormBody.Of(
                ("Endpoints", liveUrl), ("Timeout (ms)", "2000"), ("Latency budget (ms)", "1000")), ["operations/monitoring", "priority/P0", Acme]),
            new(AgentNames.Operations, "Readiness probes for the API tier", FormBody.Of(
                ("Endpoints", ClosedPortUrl + "\nhttp://127.0.0.1:9/ready"), ("Timeout (ms)", "500"), ("Latency budget (ms)", "")), ["operations/monitoring", "priority/P1", Globex]),

            new(AgentNames.Security, "Scan deploy config for leaked credentials", FormBody.Of(("Content", "```\n" + LeakyConfig() + "\n```")), ["security/compliance", "priority/P0", Globex]),
            new(AgentNames.Security, "Scan the README and the package versions before release", FormBody.Of(
                ("Content", "# Widget\n\nConfigure the token through the WIDGET_TOKEN environment variable.\nNever commit credentials.\n"),
                ("Directory.Packages.props", "```xml\n<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Newtonsoft.Json\" Version=\"12.0.3\" />\n    <PackageVersion Include=\"Serilog\" Version=\"4.4.0\" />\n  </ItemGroup>\n</Project>\n```")), ["security/compliance", "priority/P3"]),

            new(null, "How do I change my notification settings?", "I get too many emails from the ops board. Where do I turn them off?\n", ["question"]) { ExpectNeedsTriage = true },
            new(AgentNames.Finance, "Invoice without a total", FormBody.Of(
                ("Vendor", "Hooli"), ("Invoice number", "H-77"), ("Invoice date", invoiceDate), ("Due date", dueDate),
                ("Line items", "Cloud credits | 1 | 900.00"), ("Tax rate", "0")), ["finance/analysis", "priority/P2", Acme]) { ExpectNeedsTriage = true },

            // The business processes (appended so the numbers of the samples above stay as they were).
            new(AgentNames.Support, "We lost all our customer data", FormBody.Of(
                ("Description", "After this morning's import we lost all our customer data: the customer list is empty for every user."),
                ("Customer", "Globex"), ("Product area", "Import")), ["support/tickets", "priority/P0", Globex]),
            new(AgentNames.Support, "How do I download an invoice?", FormBody.Of(
                ("Description", "How do I download a PDF copy of an invoice for our accounting?"), ("Customer", "Acme Corp"), ("Product area", "Billing")),
                ["support/tickets", "priority/P3", Acme]),
            new(AgentNames.Finance, "Failed payment: Acme Corp monthly plan", FormBody.Of(
                ("Customer", "Acme Corp"), ("Amount", "249.00"), ("Failed on", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Decline code", "insufficient-funds"), ("Consecutive failures", "1")), ["finance/payments", "priority/P2", Acme]),
            new(AgentNames.CustomerSuccess, "Onboarding: Tiny Agency", FormBody.Of(
                ("Customer", "Tiny Agency LLC"), ("Employees", "12"), ("Monthly value", "99"), ("Primary use", "client reporting"), ("Day", "4"),
                ("Milestones reached", "- first workflow live")), ["success/onboarding", "priority/P3"]),
            new(AgentNames.CustomerSuccess, "Feedback synthesis: October survey", FormBody.Of(
                ("Customer", "All customers"), ("Feedback", "- The dashboard is slow to load in the morning\n- Pricing is confusing for the business plan\n"
                    + "- Love the Slack integration\n- Reports time out on large accounts\n- Please add an API for exports")), ["success/user-research", "priority/P3"]),
            new(AgentNames.Sales, "Proposal: Globex business plan", FormBody.Of(
                ("Company", "Globex Corporation"), ("Contact name", "Jane Doe"), ("Contact email", "jane.doe@globex.example.com"), ("Plan", "business"),
                ("Seats", "40"), ("Billing", "annual"), ("Discount", "20"), ("Term (months)", "12")), ["sales/proposals", "priority/P2", Globex]),
            new(AgentNames.Marketing, "Campaign: winter launch", FormBody.Of(
                ("Campaign", "Winter launch"), ("Audience", "operations leads at agencies"), ("Budget", "10000"),
                ("Start date", today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("End date", today.AddDays(16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Channels", "email, linkedin, search-ads"), ("Message", "Run your operations from GitHub issues: every request routed, tracked and approved.")), ["marketing/campaigns", "priority/P3"]),
        ];
    }

    private static string JUnit(int total, int failures, int skipped)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<testsuites>\n  <testsuite name=\"billing\" tests=\"{total}\" failures=\"{failures}\" skipped=\"{skipped}\">\n");
        for (var i = 1; i <= total; i++)
        {
            var body = i <= failures ? "<failure message=\"expected 200 got 500\"/>" : i <= failures + skipped ? "<skipped/>" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"    <testcase classname=\"Billing.Tests\" name=\"Case{i:00}\" time=\"0.01\">{body}</testcase>\n");
        }

        return sb.Append("  </testsuite>\n</testsuites>").ToString();
    }

    /// <summary>Two weeks of daily business metrics up to yesterday, an ordinary last day (nothing urgent): the analytics briefing's input.</summary>
    private static string Metrics(DateOnly today)
    {
        var sb = new StringBuilder("date,revenue,signups,churned_customers,downtime_minutes,customers_health_dropping,critical_tickets\n");
        for (var i = 14; i >= 1; i--)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{today.AddDays(-i):yyyy-MM-dd},{10_200 + ((i % 3) * 150)},{38 + (i % 5)},{i % 2},0,{i % 3},0\n");
        }

        return sb.ToString();
    }

    private static string SeoContent() =>
        "# Issue automation for operations teams\n\n" +
        "Issue automation keeps your team in one place. You file an issue and a bot does the work. It reads the labels and picks the right agent.\n\n" +
        "## Why teams like it\n\n" +
        "Work is easy to see. Every step is a label or a comment. You can undo any step. Managers approve plans with one comment. It works with the tools your team already uses every day.\n\n" +
        "## How to start\n\n" +
        "Add the labels to your repo. File your first issue from a form. Watch the bot post a plan and a result. Then turn on issue automation for more kinds of work.\n";

    private static string LeakyConfig() =>
        // Assembled at runtime so the repository itself never contains a token-shaped literal (push protection).
        "region = us-east-1\n" +
        "aws_access_key_id = " + "AKIA" + "IOSFODNN7EXAMPLE" + "\n" +
        "github_token: " + "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + "\n" +
        "log_level = debug";
}
