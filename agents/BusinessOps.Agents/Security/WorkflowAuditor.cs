using System.Text.RegularExpressions;

namespace BusinessOps.Agents.Security;

/// <summary>
/// Line-based audit of a GitHub Actions workflow (never evaluated): no top-level <c>permissions:</c> (the token gets the
/// repository's default, often write-all), actions not pinned to a full commit SHA (a moved tag runs someone else's
/// code), and <c>${{ github.event.* }}</c> inside a <c>run:</c> script (issue titles and branch names become shell code).
/// </summary>
internal static partial class WorkflowAuditor
{
    /// <summary>True when <paramref name="content"/> looks like a workflow: top-level <c>jobs:</c> and <c>on:</c>.</summary>
    public static bool IsWorkflow(string content) => Jobs().IsMatch(content) && On().IsMatch(content);

    public static IReadOnlyList<WorkflowFinding> Audit(string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var findings = new List<WorkflowFinding>();
        if (!lines.Any(l => l.StartsWith("permissions:", StringComparison.Ordinal)))
        {
            findings.Add(new("missing-permissions", "high", 1, "No top-level `permissions:`: add `permissions: {contents: read}` and grant more per job."));
        }

        int? runIndent = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart().Length;
            if (runIndent is { } r && line.Trim().Length > 0 && indent <= r)
            {
                runIndent = null;
            }

            if (Run().Match(line) is { Success: true } run)
            {
                runIndent = run.Groups["block"].Success ? indent : null;
                Inject(run.Groups["inline"].Value, i);
            }
            else if (runIndent is not null)
            {
                Inject(line, i);
            }

            if (Uses().Match(line) is { Success: true } uses && !uses.Groups["action"].Value.StartsWith("./", StringComparison.Ordinal)
                && !uses.Groups["action"].Value.StartsWith("docker://", StringComparison.Ordinal) && !Sha().IsMatch(uses.Groups["ref"].Value))
            {
                findings.Add(new("unpinned-action", "medium", i + 1, $"`{uses.Groups["action"].Value}@{uses.Groups["ref"].Value}` is not pinned: use the full 40-character commit SHA (keep the tag in a comment)."));
            }
        }

        return findings;

        void Inject(string script, int index)
        {
            foreach (Match m in EventExpression().Matches(script))
            {
                findings.Add(new("script-injection", "critical", index + 1, $"`{m.Value}` in a `run:` script: pass it through `env:` and quote the variable instead."));
            }
        }
    }

    [GeneratedRegex(@"^jobs:", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Jobs();

    [GeneratedRegex(@"^(on|""on""|'on'):", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex On();

    [GeneratedRegex(@"^\s*(-\s+)?run:\s*(?:(?<block>[|>][-+]?\s*$)|(?<inline>.*))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Run();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s*['""]?(?<action>[^@\s'""]+)@(?<ref>[^\s'""#]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Uses();

    [GeneratedRegex(@"^[0-9a-f]{40}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Sha();

    [GeneratedRegex(@"\$\{\{\s*github\.event\.[A-Za-z0-9_.\-\[\]'""*]+\s*\}\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EventExpression();
}
