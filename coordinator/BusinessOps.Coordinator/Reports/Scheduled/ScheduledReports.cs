using System.Globalization;
using System.Text;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reports.Scheduled;

/// <summary>
/// The scheduled client reports: each open slot issue of a schedule with <c>report:</c> gets, once, the KPI report of
/// the period that ended at its slot (only its client's issues) as a comment, with the PDF printed by headless Chromium
/// into <see cref="ScheduledReportOptions.Folder"/>. The comment carries the slot's marker and is written with
/// <see cref="IIssueStore.TryAddUniqueCommentAsync"/>, so a rerun, an overlapping run or a catch-up writes nothing twice;
/// a slot whose report could not be written is retried by the next pass (it still has no report comment).
/// </summary>
public sealed class ScheduledReports(IIssueStore backend, ReportRenderer renderer, ScheduledReportOptions options, Log log)
{
    /// <summary>GitHub refuses comments over 65,536 characters; a longer report is left to its PDF.</summary>
    private const int MaxComment = 60_000;

    /// <summary>Where the PDFs go when <c>BUSINESSOPS_REPORTS_DIR</c> does not say.</summary>
    public const string FolderVariable = "BUSINESSOPS_REPORTS_DIR";

    // Template problems already logged: the renderer keeps them for the session, a pass logs only new ones.
    private int _problemsLogged;

    /// <summary>Posts the missing reports of <paramref name="slots"/>; the number of comments written.</summary>
    public async Task<int> RunAsync(IIssueStore store, IReadOnlyList<ReportSlot> slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(slots);
        var due = slots.Where(s => !s.Issue.Comments.Any(c => string.Equals(c.Author, store.Identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(s.Marker, StringComparison.Ordinal))).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        // What the pass already read (no refresh): a report costs no GitHub request beyond its comment.
        var facts = await KpiSource.ReadAsync(backend, refresh: false, cancellationToken);
        var written = 0;
        foreach (var slot in due)
        {
            try
            {
                var body = await BodyAsync(slot, facts, cancellationToken);
                if (await store.TryAddUniqueCommentAsync(slot.Issue.Number, slot.Marker, body, cancellationToken) is not null)
                {
                    written++;
                    log.Info($"report: {slot.Key.Value} posted on #{slot.Issue.Number.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            catch (IssueStoreException ex)
            {
                log.Warn($"report: {slot.Key.Value} not posted on #{slot.Issue.Number.ToString(CultureInfo.InvariantCulture)} (the next pass retries): {ex.Message}");
            }
        }

        foreach (var problem in renderer.Templates.Problems.Skip(_problemsLogged))
        {
            log.Warn("template " + problem);
        }

        _problemsLogged = renderer.Templates.Problems.Count;
        return written;
    }

    private async Task<string> BodyAsync(ReportSlot slot, IReadOnlyList<IssueFacts> facts, CancellationToken ct)
    {
        var period = slot.Covered();
        var snapshot = KpiCalculator.Compute(facts, new KpiQuery(period, slot.Client, options.Targets, period.To));
        var who = slot.Client is null ? "the business" : options.Clients.Find(slot.Client).Profile?.Name ?? slot.Client;
        var context = new ReportContext(Adjective(slot.Period) + " report for " + who, options.Source, options.IssueUrl, [], period.To);
        var pdf = Path.Combine(options.Folder, slot.Client ?? "business", FileName(slot) + ".pdf");
        var problem = await PdfExport.WriteAsync(options.Printer, renderer.Html(snapshot, context), pdf, ct);
        var note = problem is null
            ? "PDF: `" + pdf + "`" + (options.ArtifactsUrl is { } url ? $" (in the artifacts of [this run]({url}))" : string.Empty)
            : "No PDF this time: " + problem;
        var markdown = renderer.Markdown(snapshot, context);
        if (markdown.Length > MaxComment)
        {
            markdown = $"The report is too long for a comment ({markdown.Length.ToString(CultureInfo.InvariantCulture)} characters); it is in the PDF.";
        }

        return new StringBuilder()
            .AppendLine(slot.Marker)
            .AppendLine(markdown.TrimEnd())
            .AppendLine()
            .AppendLine("---")
            .AppendLine(note)
            .ToString();
    }

    private static string Adjective(KpiPeriodKind kind) => kind switch
    {
        KpiPeriodKind.Day => "Daily",
        KpiPeriodKind.Week => "Weekly",
        _ => "Monthly",
    };

    /// <summary><c>weekly-client-report-2026-11-09</c>: the schedule (without its client suffix) and the slot's UTC day.</summary>
    private static string FileName(ReportSlot slot) =>
        slot.Key.ScheduleId.Split('/')[0] + "-" + slot.Key.Utc.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The reports of <paramref name="session"/>; null when no schedule asks for one, or alerts.yml is invalid (logged; the next pass retries).</summary>
    public static ScheduledReports? For(CoordinatorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Automation.Schedules.Any(s => s.Report is not null))
        {
            return null;
        }

        if (AlertsGate.Load(session.PoliciesOption, session.Log) is not { } alerts)
        {
            session.Log.Warn("scheduled reports wait until alerts.yml is fixed (its KPI targets are in every report); their slot issues get them then");
            return null;
        }

        var env = session.Environment;
        var folder = env.GetValueOrDefault(FolderVariable) is { Length: > 0 } chosen ? chosen
            : session.StoreArgument != StoreSelector.GitHub ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(session.StoreArgument))!, "reports")
            : Path.Combine(env.GetValueOrDefault("GITHUB_WORKSPACE") is { Length: > 0 } w ? w : Directory.GetCurrentDirectory(), "reports");
        var run = env.GetValueOrDefault("GITHUB_RUN_ID") is { Length: > 0 } id && env.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repo
            ? (env.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } s ? s.TrimEnd('/') : "https://github.com") + "/" + repo + "/actions/runs/" + id
            : null;
        var options = new ScheduledReportOptions(alerts.Targets, session.Automation.Clients, PdfPrinter.From(env), Path.GetFullPath(folder), run, ReportJob.IssueUrl(session), session.Store.Location);
        var renderer = new ReportRenderer(new Templates.TemplateRenderer(BusinessOps.Policies.PolicyPaths.Resolve(session.PoliciesOption)));
        return new ScheduledReports(session.Backend, renderer, options, session.Log);
    }
}
