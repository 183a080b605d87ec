using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Security;

/// <summary>
/// ai-security-agent: secret scanning of the given text, of the issue's comments and of a folder of the checked-out
/// repository (findings redacted); the workflow audit; the dependency audit of <c>Directory.Packages.props</c> and
/// <c>package-lock.json</c> against <c>policies/advisories.yml</c>; one security score over all of it. Approval releases
/// the redaction of the secrets in the issue and a <c>security/incident</c> sub-issue.
/// </summary>
/// <param name="scanRoot">The folder a <c>Repository path</c> is resolved in (the checkout); null: <c>BUSINESSOPS_SCAN_ROOT</c>, else the working directory.</param>
public sealed class SecurityAgent(string? scanRoot = null) : IAgent
{
    /// <summary>The environment variable naming the checkout a repository scan may read.</summary>
    public const string ScanRootVariable = "BUSINESSOPS_SCAN_ROOT";

    public const string PropsField = "Directory.Packages.props";
    public const string LockField = "package-lock.json";

    public string Name => AgentNames.Security;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var form = context.Form;
        var (content, props, packageLock, path) = (form.Optional("Content"), form.Optional(PropsField), form.Optional(LockField), form.Optional(RepositoryScanner.Field));
        if (new[] { content, props, packageLock, path }.All(string.IsNullOrWhiteSpace))
        {
            return context.Issue.HasLabel(SecurityEffects.IncidentLabel)
                ? IncidentResponse.Run(context)
                : throw new BadInputException($"Field `Content` is required: the text to scan (code, configuration, logs) — or give `{RepositoryScanner.Field}`, `{PropsField}` or `{LockField}`.");
        }

        var text = content.Length > 0 ? SecretScanner.Scan(content) : new SecretScanReport([], 100, 0);
        // An issue read from JSON without a comments field has none (null), not an empty list.
        var inComments = (context.Issue.Comments ?? []).Where(c => !c.AuthorIsBot && c.Body is not null).Take(100).SelectMany(c => SecretScanner.Scan(c.Body).Findings.Select(f => f with { Path = "comment " + c.Id.ToString(CultureInfo.InvariantCulture) })).ToList();
        var workflow = content.Length > 0 && WorkflowAuditor.IsWorkflow(content) ? WorkflowAuditor.Audit(content) : [];
        var repository = path.Length > 0 ? await RepositoryScanner.ScanAsync(RepositoryScanner.Resolve(Root(), path), cancellationToken).ConfigureAwait(false) : null;
        var dependencies = new List<DependencyReference>(repository?.Dependencies ?? []);
        if (props.Length > 0)
        {
            dependencies.AddRange(PackagesPropsReader.Read(IssueForm.StripFence(props), PropsField, PropsField));
        }

        if (packageLock.Length > 0)
        {
            dependencies.AddRange(PackageLockReader.Read(IssueForm.StripFence(packageLock), LockField, LockField));
        }

        // A context read from JSON without `policies` has none (null): the built-in advisories apply.
        var (vulnerable, unaudited) = DependencyAuditor.Audit(dependencies, context.Policies?.Rules?.Advisories ?? Core.Agents.Rules.AgentRules.Default.Advisories ?? []);
        List<SecretFinding> secrets = [.. text.Findings, .. inComments, .. repository?.Secrets ?? []];
        var score = Math.Max(0, 100 - secrets.Sum(f => Penalty(f.Severity)) - workflow.Sum(f => Penalty(f.Severity)) - vulnerable.Sum(f => Penalty(f.Advisory.Severity)));
        var scanned = text.LinesScanned + (repository?.LinesScanned ?? 0);

        var summary = Summary(secrets, workflow, vulnerable, dependencies.Count, repository, scanned, score);
        var outputs = new JsonObject
        {
            ["score"] = score,
            ["findingCount"] = secrets.Count,
            ["critical"] = secrets.Count(f => f.Severity == "critical") + vulnerable.Count(f => f.Advisory.Severity == "critical"),
            ["linesScanned"] = scanned,
            ["filesScanned"] = repository?.FilesScanned,
            ["scanTruncated"] = repository?.Truncated,
            ["skipped"] = repository is null ? null : new JsonArray([.. repository.Skipped.Take(50).Select(s => (JsonNode)s)]),
            ["workflowFindings"] = new JsonArray([.. workflow.Select(f => (JsonNode)new JsonObject { ["kind"] = f.Kind, ["severity"] = f.Severity, ["line"] = f.Line, ["fix"] = f.Detail })]),
            ["findings"] = new JsonArray([.. secrets.Take(200).Select(f => (JsonNode)new JsonObject
            {
                ["kind"] = f.Kind,
                ["severity"] = f.Severity,
                ["line"] = f.Line,
                ["path"] = f.Path,
                ["redacted"] = f.Redacted,
            })]),
            ["dependenciesAudited"] = dependencies.Count - unaudited,
            ["dependenciesUnaudited"] = unaudited,
            ["vulnerableDependencies"] = new JsonArray([.. vulnerable.Take(100).Select(v => (JsonNode)new JsonObject
            {
                ["ecosystem"] = v.Dependency.Ecosystem,
                ["package"] = v.Dependency.Package,
                ["version"] = v.Dependency.Version,
                ["source"] = v.Dependency.Source,
                ["advisory"] = v.Advisory.Id,
                ["severity"] = v.Advisory.Severity,
                ["fixed"] = v.Advisory.Fixed,
            })]),
        };

        var actions = new List<string>();
        actions.AddRange(secrets.Select(f => string.Create(CultureInfo.InvariantCulture, $"Revoke and rotate the {f.Kind} `{f.Redacted}` ({Where(f)}); remove it from history.")).Distinct().Take(20));
        if (secrets.Count > 0)
        {
            actions.Add("Move credentials to a secret manager and enable push protection.");
        }

        actions.AddRange(workflow.Take(20).Select(f => string.Create(CultureInfo.InvariantCulture, $"Line {f.Line} ({f.Kind}): {f.Detail}")));
        actions.AddRange(vulnerable.Take(20).Select(v => $"Upgrade {v.Dependency.Package} {v.Dependency.Version} ({v.Dependency.Source}) to {v.Advisory.Fixed ?? "a version without the flaw (no fix yet: replace or mitigate)"}: {v.Advisory.Id}, {v.Advisory.Severity}."));
        if (actions.Count == 0)
        {
            actions.Add("No action needed; keep secret scanning and the dependency audit in CI.");
        }

        var critical = secrets.Any(f => f.Severity == "critical") || workflow.Any(f => f.Severity == "critical") || vulnerable.Any(v => v.Advisory.Severity == "critical");
        var anything = secrets.Count + workflow.Count + vulnerable.Count > 0;
        var classification = anything ? new Classification(critical ? Impact.High : Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 0m) : Classification.Routine;

        // Pattern matches on provider formats are precise; generic entropy hits are the uncertain part.
        var confidence = secrets.Count == 0 ? 0.85 : secrets.All(f => f.Kind != "high-entropy-assignment") ? 0.95 : 0.8;
        var comment = Comment(context, secrets, vulnerable, score);
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var plan = string.IsNullOrWhiteSpace(comment.Text) ? null : comment.Text;
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, plan, actions, outputs, classification, confidence);
        return result with { Effects = SecurityEffects.For(context.Issue, secrets) };
    }

    private string Root()
    {
        if (scanRoot is not null)
        {
            return scanRoot;
        }

        var configured = Environment.GetEnvironmentVariable(ScanRootVariable);
        return string.IsNullOrWhiteSpace(configured) ? Directory.GetCurrentDirectory() : configured;
    }

    private static int Penalty(string severity) => severity switch { "critical" => 40, "high" => 25, "medium" => 10, _ => 5 };

    private static string Where(SecretFinding f) => f.Path is null ? string.Create(CultureInfo.InvariantCulture, $"line {f.Line}") : string.Create(CultureInfo.InvariantCulture, $"{f.Path}, line {f.Line}");

    private static string Summary(List<SecretFinding> secrets, IReadOnlyList<WorkflowFinding> workflow, IReadOnlyList<DependencyFinding> vulnerable, int dependencies, RepositoryScanReport? repository, int lines, int score)
    {
        var parts = new List<string>
        {
            secrets.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"No secrets found in {lines} line(s)")
                : string.Create(CultureInfo.InvariantCulture, $"Found {secrets.Count} secret(s) ({string.Join(", ", secrets.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))})"),
        };
        if (repository is not null)
        {
            parts[0] += string.Create(CultureInfo.InvariantCulture, $" (repository: {repository.FilesScanned} file(s){(repository.Truncated ? ", scan bounds reached" : string.Empty)})");
        }

        parts[0] += "; " + SecurityScoreText.Format(score) + "." + (secrets.Count > 0 ? " Rotate them now." : string.Empty);
        if (workflow.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Workflow audit: {workflow.Count} problem(s) ({string.Join(", ", workflow.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))})."));
        }

        if (dependencies > 0)
        {
            parts.Add(vulnerable.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Dependency audit: {dependencies} package(s), none affected by a listed advisory.")
                : string.Create(CultureInfo.InvariantCulture, $"Dependency audit: {vulnerable.Count} vulnerable package(s) ({string.Join(", ", vulnerable.Take(5).Select(v => $"{v.Dependency.Package} {v.Dependency.Version}: {v.Advisory.Id}"))})."));
        }

        return string.Join(' ', parts);
    }

    /// <summary>The comment's tables: cells from the scan are bounded and pipe-escaped here, so a row cannot break whatever the template.</summary>
    private static RenderedText Comment(AgentContext context, List<SecretFinding> secrets, IReadOnlyList<DependencyFinding> vulnerable, int score) =>
        CommentRenderer.Render(context.Policies?.Template, SecurityTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["score"] = score,
            ["secrets"] = secrets.Take(50).Select(f => new Dictionary<string, object?>
            {
                ["where"] = MarkdownSafe.Cell(Where(f), 120),
                ["kind"] = f.Kind,
                ["severity"] = f.Severity,
                ["redacted"] = f.Redacted,
            }).ToList(),
            ["dependencies"] = vulnerable.Take(50).Select(v => new Dictionary<string, object?>
            {
                ["package"] = MarkdownSafe.Cell(v.Dependency.Package, 80),
                ["version"] = MarkdownSafe.Cell(v.Dependency.Version, 40),
                ["advisory"] = MarkdownSafe.Cell(v.Advisory.Id, 40),
                ["severity"] = v.Advisory.Severity,
                ["fixed"] = v.Advisory.Fixed is { } fix ? MarkdownSafe.Cell(fix, 40) : null,
                ["source"] = MarkdownSafe.Cell(v.Dependency.Source, 120),
            }).ToList(),
        });
}
