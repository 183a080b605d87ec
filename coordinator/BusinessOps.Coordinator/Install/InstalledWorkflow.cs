using System.Text.RegularExpressions;

namespace BusinessOps.Coordinator.Install;

/// <summary>The caller workflow found in a repository, and the BusinessOps release and executor it names.</summary>
public sealed partial record InstalledWorkflow(string Path, string Content, InstallOptions Options)
{
    /// <summary>The first workflow under <c>.github/workflows</c> that calls BusinessOps' reusable workflow, or null.</summary>
    public static InstalledWorkflow? Find(string root)
    {
        var dir = System.IO.Path.Combine(root, ".github", "workflows");
        if (!Directory.Exists(dir))
        {
            return null;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.y*ml").Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(path);
            if (Uses().Match(content) is { Success: true } m)
            {
                var executor = content.Contains("executor: aws", StringComparison.Ordinal) ? "aws" : "local";
                var branch = Branch().Match(content) is { Success: true } b ? b.Groups[1].Value : "main";
                var relative = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
                return new InstalledWorkflow(relative, content, new InstallOptions(m.Groups[1].Value, m.Groups[2].Value, executor, branch));
            }
        }

        return null;
    }

    [GeneratedRegex(@"uses:\s*([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/\.github/workflows/businessops-run\.yml@([A-Za-z0-9_.\-/]+)")]
    private static partial Regex Uses();

    [GeneratedRegex(@"branches:\s*\[([^\]\s,]+)\]")]
    private static partial Regex Branch();
}
