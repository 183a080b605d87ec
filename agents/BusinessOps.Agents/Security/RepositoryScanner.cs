using System.Globalization;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Security;

/// <summary>
/// Secret scanning of a folder of the checked-out repository (the form's <c>Repository path</c>), bounded: the folder
/// must lie inside the scan root (the agent's working directory, or <c>BUSINESSOPS_SCAN_ROOT</c>), symbolic links are
/// never followed (a link cannot lead the scan out of the root), at most <see cref="MaxDepth"/> folders deep,
/// <see cref="MaxFiles"/> files and <see cref="MaxTotalBytes"/> read, files over <see cref="MaxFileBytes"/> and binary
/// files skipped, <c>.git</c>, <c>node_modules</c>, <c>bin</c> and <c>obj</c> left out. <c>Directory.Packages.props</c> and
/// <c>package-lock.json</c> met on the way are read for the dependency audit.
/// </summary>
internal static class RepositoryScanner
{
    public const string Field = "Repository path";
    public const int MaxDepth = 12;
    public const int MaxFiles = 5_000;
    public const long MaxFileBytes = 1024 * 1024;
    public const long MaxTotalBytes = 64L * 1024 * 1024;
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj" };

    /// <summary>The folder <paramref name="relative"/> names under <paramref name="root"/>; bad input when it leaves the root, is a link or does not exist.</summary>
    public static DirectoryInfo Resolve(string root, string relative)
    {
        const string Expectation = "a folder of the repository, relative to its root (`.`, `src`, `services/api`)";
        var raw = relative.Trim();
        if (raw.Length == 0 || raw.Length > 500 || Path.IsPathRooted(raw) || raw.Contains('\0', StringComparison.Ordinal) || raw.Contains('~', StringComparison.Ordinal))
        {
            throw IssueForm.Invalid(Field, Expectation, raw);
        }

        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, raw));
        if (!Inside(fullRoot, full))
        {
            throw IssueForm.Invalid(Field, Expectation + " that stays inside it", raw);
        }

        // Every folder from the root down to the target must be a real folder, not a link elsewhere.
        for (var d = new DirectoryInfo(full); d is not null && Inside(fullRoot, d.FullName) && !SamePath(fullRoot, d.FullName); d = d.Parent)
        {
            if (d.LinkTarget is not null)
            {
                throw IssueForm.Invalid(Field, Expectation + "; symbolic links are not followed", raw);
            }
        }

        var folder = new DirectoryInfo(full);
        return folder.Exists ? folder : throw IssueForm.Invalid(Field, Expectation + " that exists in the checkout", raw);
    }

    public static async Task<RepositoryScanReport> ScanAsync(DirectoryInfo folder, CancellationToken cancellationToken)
    {
        var secrets = new List<SecretFinding>();
        var dependencies = new List<DependencyReference>();
        var skipped = new List<string>();
        var (files, lines, bytes, truncated) = (0, 0, 0L, false);
        var pending = new Stack<(DirectoryInfo Folder, int Depth)>([(folder, 0)]);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.Count > 0 && !truncated)
        {
            var (current, depth) = pending.Pop();
            foreach (var entry in current.EnumerateFileSystemInfos("*", options).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(folder.FullName, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    skipped.Add(relative + " (symbolic link, not followed)");
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (SkippedFolders.Contains(sub.Name))
                    {
                        continue;
                    }

                    if (depth + 1 > MaxDepth)
                    {
                        skipped.Add(relative + string.Create(CultureInfo.InvariantCulture, $" (deeper than {MaxDepth} folders)"));
                        continue;
                    }

                    pending.Push((sub, depth + 1));
                    continue;
                }

                var file = (FileInfo)entry;
                if (files >= MaxFiles || bytes + file.Length > MaxTotalBytes)
                {
                    truncated = true;
                    break;
                }

                if (file.Length > MaxFileBytes)
                {
                    skipped.Add(relative + " (larger than 1 MB)");
                    continue;
                }

                var data = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                if (Array.IndexOf(data, (byte)0, 0, Math.Min(data.Length, 8000)) >= 0)
                {
                    continue; // binary
                }

                files++;
                bytes += data.Length;
                var text = System.Text.Encoding.UTF8.GetString(data);
                var report = SecretScanner.Scan(text);
                lines += report.LinesScanned;
                secrets.AddRange(report.Findings.Select(f => f with { Path = relative }));
                if (file.Name.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase))
                {
                    dependencies.AddRange(Quietly(() => PackagesPropsReader.Read(text, relative, Field), relative, skipped));
                }
                else if (file.Name.Equals("package-lock.json", StringComparison.OrdinalIgnoreCase))
                {
                    dependencies.AddRange(Quietly(() => PackageLockReader.Read(text, relative, Field), relative, skipped));
                }
            }
        }

        return new RepositoryScanReport(secrets, dependencies, files, lines, skipped, truncated);
    }

    /// <summary>A malformed dependency file in the tree is noted, not fatal: the rest of the scan stands.</summary>
    private static IReadOnlyList<DependencyReference> Quietly(Func<IReadOnlyList<DependencyReference>> read, string relative, List<string> skipped)
    {
        try
        {
            return read();
        }
        catch (BadInputException ex)
        {
            skipped.Add($"{relative} (not audited: {ex.Message})");
            return [];
        }
    }

    private static bool Inside(string root, string path) =>
        SamePath(root, path) || path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
