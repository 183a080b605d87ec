using System.Globalization;

namespace BusinessOps.Agents.Hosting;

/// <summary>One-line structured logs on stderr (stdout carries only the result JSON). Never logs bodies.</summary>
internal static class AgentLog
{
    public static void Write(string agent, int issue, string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{agent}] issue=#{issue} {message}"));
}
