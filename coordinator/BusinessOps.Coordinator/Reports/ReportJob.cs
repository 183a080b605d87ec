using System.Text;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Coordinator.Reports.Terminal;
using BusinessOps.Core;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// <c>coordinator report</c> once the session is open: computes the one <see cref="KpiSnapshot"/> from the KPI index,
/// renders it, writes it (a file, a folder for GitHub Pages, or stdout), and in GitHub Actions appends the Markdown to
/// <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
public static class ReportJob
{
    public static async Task<int> RunAsync(CoordinatorSession session, ReportRequest request, string? policiesOption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (AlertsGate.Load(policiesOption, session.Error) is not { } alerts)
        {
            return ExitCodes.BadInput;
        }

        // On a terminal, a spinner says what is taking the time.
        var activity = Activity.For(session.Error, session.Environment);
        var kpis = new KpiReader(session.Backend, refresh: true);
        if (request.Client is { } client)
        {
            var known = await activity.RunAsync("Reading the issues index…", _ => kpis.ClientsAsync(cancellationToken));
            if (!known.Contains(client, StringComparer.OrdinalIgnoreCase))
            {
                await session.Error.WriteLineAsync($"error: unknown client '{ReportRenderer.EscapeMarkdown(client)}': no issue in {session.Store.Location} carries client/{ReportRenderer.EscapeMarkdown(client)}. "
                    + (known.Count == 0 ? "No issue names a client yet." : "Known clients: " + string.Join(", ", known) + "."));
                return ExitCodes.BadInput;
            }
        }

        var now = session.Clock.GetUtcNow();
        var context = Context(session, request, now);
        var renderer = new ReportRenderer(new TemplateRenderer(PolicyPaths.Resolve(policiesOption)));
        var (snapshot, text) = await activity.RunAsync("Computing the KPIs…", async status =>
        {
            var computed = await kpis.ComputeAsync(new KpiQuery(KpiPeriod.Ending(request.Period, now), request.Client, alerts.Targets, now), cancellationToken);
            status("Rendering the report…");
            return (computed, Render(renderer, computed, context, request.Format));
        });
        var code = await WriteAsync(session, activity, text, snapshot, request, cancellationToken);
        await SummaryAsync(session, renderer, snapshot, context, cancellationToken);
        foreach (var problem in renderer.Templates.Problems)
        {
            await session.Error.WriteLineAsync("warning: template " + problem);
        }

        return code;
    }

    /// <summary>The heading, the source and the issue links of a report on this session's store.</summary>
    public static ReportContext Context(CoordinatorSession session, ReportRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var title = request.Client is null ? "Operations report" : "Operations report for " + request.Client.ToLowerInvariant();
        return new ReportContext(title, session.Store.Location, IssueUrl(session), [], now);
    }

    /// <summary><c>{server}/{owner}/{repo}/issues/</c> for a GitHub store; null for a local one (issues have no web page).</summary>
    public static string? IssueUrl(CoordinatorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.StoreArgument != StoreSelector.GitHub)
        {
            return null;
        }

        var server = session.Environment.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } s ? s.TrimEnd('/') : "https://github.com";
        return server + "/" + session.Store.Location + "/issues/";
    }

    private static string Render(ReportRenderer renderer, KpiSnapshot snapshot, ReportContext context, ReportFormat format) => format switch
    {
        ReportFormat.Json => ReportRenderer.Json(snapshot),
        ReportFormat.Markdown => renderer.Markdown(snapshot, context),
        _ => renderer.Html(snapshot, context),
    };

    private static async Task<int> WriteAsync(CoordinatorSession session, Activity activity, string text, KpiSnapshot snapshot, ReportRequest request, CancellationToken ct)
    {
        if (request.Out is null)
        {
            if (request.Format == ReportFormat.Pdf)
            {
                await session.Error.WriteLineAsync("error: --format pdf needs --out FILE.pdf (a PDF is not written to the terminal).");
                return ExitCodes.BadInput;
            }

            await session.Output.WriteLineAsync(text);
            return ExitCodes.Ok;
        }

        var path = ReportPaths.Target(request.Out, request.Format);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (request.Format != ReportFormat.Pdf)
        {
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), ct);
            if (request.Format == ReportFormat.Html)
            {
                // The page's numbers, for machines and for checking the page against them.
                await File.WriteAllTextAsync(Path.ChangeExtension(path, ".json"), ReportRenderer.Json(snapshot), new UTF8Encoding(false), ct);
            }

            await session.Output.WriteLineAsync("wrote " + path);
            return ExitCodes.Ok;
        }

        if (await activity.RunAsync("Printing the PDF with Chromium…", _ => PdfExport.WriteAsync(PdfPrinter.From(session.Environment), text, path, ct)) is { } problem)
        {
            await session.Error.WriteLineAsync("error: " + problem);
            return ExitCodes.Failure;
        }

        await session.Output.WriteLineAsync("wrote " + path);
        return ExitCodes.Ok;
    }

    /// <summary>In GitHub Actions, the Markdown report also becomes the job's summary.</summary>
    private static async Task SummaryAsync(CoordinatorSession session, ReportRenderer renderer, KpiSnapshot snapshot, ReportContext context, CancellationToken ct)
    {
        if (session.Environment.GetValueOrDefault("GITHUB_STEP_SUMMARY") is not { Length: > 0 } summary)
        {
            return;
        }

        try
        {
            await File.AppendAllTextAsync(summary, renderer.Markdown(snapshot, context) + "\n", new UTF8Encoding(false), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await session.Error.WriteLineAsync($"warning: could not write the job summary ({summary}): {ex.Message}");
        }
    }
}
