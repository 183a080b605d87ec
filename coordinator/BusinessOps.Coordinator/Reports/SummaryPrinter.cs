using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BusinessOps.Coordinator.Reports;

/// <summary>Human tables and the <c>--json</c> shape of a summary.</summary>
public static class SummaryPrinter
{
    public static void PrintTable(TextWriter output, OpsSummary summary)
    {
        output.WriteLine();
        output.WriteLine($"Issues: {summary.Issues}    cost: ${summary.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture)}    automation rate: {summary.AutomationRate:P0}    error rate: {summary.ErrorRate:P0}    SLA breached: {summary.SlaBreached}");
        output.WriteLine();
        output.WriteLine("By status");
        foreach (var (status, n) in summary.ByStatus)
        {
            output.WriteLine($"  {status,-20} {n,4}");
        }

        output.WriteLine();
        output.WriteLine("By agent                        completed  failed");
        foreach (var (agent, t) in summary.ByAgent)
        {
            output.WriteLine($"  {agent,-30} {t.Completed,9} {t.Failed,7}");
        }

        output.WriteLine();
        output.WriteLine("By priority  " + string.Join("   ", summary.ByPriority.Select(p => $"{p.Key}: {p.Value}")));
    }

    /// <summary>The coordinator process's peak working set (agents are separate processes), in MB.</summary>
    public static double PeakMemoryMb()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return Math.Round(self.PeakWorkingSet64 / 1024.0 / 1024.0, 1);
    }

    public static string Json(OpsSummary summary, string store, TimeSpan? elapsed = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("issues", summary.Issues);
            w.WriteStartObject("byStatus");
            foreach (var (status, n) in summary.ByStatus)
            {
                w.WriteNumber(status, n);
            }

            w.WriteEndObject();
            w.WriteStartObject("byAgent");
            foreach (var (agent, t) in summary.ByAgent)
            {
                w.WriteStartObject(agent);
                w.WriteNumber("completed", t.Completed);
                w.WriteNumber("failed", t.Failed);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("byPriority");
            foreach (var (p, n) in summary.ByPriority)
            {
                w.WriteNumber(p, n);
            }

            w.WriteEndObject();
            w.WriteNumber("slaBreached", summary.SlaBreached);
            w.WriteNumber("costUsd", summary.CostUsd);
            w.WriteNumber("automationRate", Math.Round(summary.AutomationRate, 4));
            w.WriteNumber("errorRate", Math.Round(summary.ErrorRate, 4));
            if (elapsed is { } e)
            {
                w.WriteNumber("seconds", Math.Round(e.TotalSeconds, 2));
                w.WriteNumber("coordinatorPeakMemoryMb", PeakMemoryMb());
            }

            w.WriteString("store", store);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
