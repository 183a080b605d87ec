using BusinessOps.Aws.Checks;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// Checks a live installation, one line per check with the fix: the token and its <c>issues: write</c>, the labels,
/// the workflow, each connector of <c>connectors.yml</c>, and (agents on AWS) the stack. Reads everything; the one write is a label re-saved unchanged, the
/// only way to learn whether the token may write issues.
/// </summary>
public static class Doctor
{
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        IIssueStore? store = null;
        try
        {
            store = context.OpenStore();
            checks.Add(DoctorCheck.Ok("token", $"writes as {store.Identity} to {store.Location}"));
            await GitHubAsync(context, store, checks, cancellationToken);
        }
        catch (IssueStoreException ex)
        {
            checks.Add(DoctorCheck.Fail(store is null ? "token" : "github", ex.Message, "set GITHUB_TOKEN to a token with Issues: read and write on the repository, and GITHUB_REPOSITORY=owner/name"));
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }

        var installed = InstalledWorkflow.Find(context.Root);
        checks.AddRange(Workflow(context, installed));
        var executor = context.Env.GetValueOrDefault("BUSINESSOPS_EXECUTOR") is { Length: > 0 } e ? e.Trim().ToLowerInvariant() : installed?.Options.Executor ?? "local";
        checks.AddRange(await ConnectorChecks.RunAsync(context.Policies.Connectors, context.Env, context.Http, context.Clock, localExecutor: executor == "local", cancellationToken));
        if (LanguageModelCheck.For(context.Policies.Agents.LanguageModel, executor, context.Env) is { } model)
        {
            checks.Add(model);
        }

        if (executor == "aws")
        {
            var dispatch = ExecutorSelector.WithOverrides(context.Policies.Dispatch, context.Env);
            var function = dispatch.For(Priority.P0).Function;
            var queue = dispatch.Targets.Values.FirstOrDefault(t => t.Executor == ExecutorKind.Batch && t.Queue is not null)?.Queue;
            foreach (var aws in await AwsInstallationChecks.RunAsync(context.Env, function, queue, context.Http, context.Clock, cancellationToken))
            {
                checks.Add(new DoctorCheck(aws.Name, (DoctorStatus)(int)aws.Level, aws.Detail, aws.Fix));
            }
        }

        return checks;
    }

    private static async Task GitHubAsync(DoctorContext context, IIssueStore store, List<DoctorCheck> checks, CancellationToken ct)
    {
        var problems = new List<string>();
        var catalogue = LabelCatalogue.For(context.Policies, FormLabels.Read(Path.Combine(context.Root, FormLabels.DefaultDirectory), problems));
        var existing = (await store.ListLabelsAsync(ct)).ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        var missing = catalogue.Where(l => !existing.ContainsKey(l.Name)).Select(l => l.Name).ToList();
        var same = catalogue.Where(l => existing.TryGetValue(l.Name, out var have) && string.Equals(have.Color, l.Color, StringComparison.OrdinalIgnoreCase) && have.Description == l.Description).ToList();
        checks.Add(missing.Count > 0
            ? DoctorCheck.Fail("labels", $"{missing.Count} of {catalogue.Count} missing ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : string.Empty)}); GitHub drops missing labels from form submissions, so those issues arrive unrouted", "coordinator labels sync (or run the BusinessOps workflow by hand)")
            : same.Count < catalogue.Count
                ? DoctorCheck.Warn("labels", $"all {catalogue.Count} present, {catalogue.Count - same.Count} with another colour or description", "coordinator labels sync")
                : DoctorCheck.Ok("labels", $"all {catalogue.Count} present"));
        foreach (var problem in problems)
        {
            checks.Add(DoctorCheck.Warn("issue forms", problem, "fix the form's YAML"));
        }

        if (same.Count == 0)
        {
            checks.Add(DoctorCheck.Warn("issues: write", "not checked: no BusinessOps label exists yet to re-save unchanged", "coordinator labels sync, then doctor again"));
            return;
        }

        try
        {
            // The same colour and description again: a write that changes nothing, refused without issues: write.
            await store.UpsertLabelAsync(same[0], ct);
            checks.Add(DoctorCheck.Ok("issues: write", $"the token may write issues (label '{same[0].Name}' re-saved unchanged)"));
        }
        catch (IssueStoreException ex) when (ex.Kind != StoreErrorKind.RateLimited)
        {
            checks.Add(DoctorCheck.Fail("issues: write", ex.Message, "give the token Issues: read and write (fine-grained token or App permission), or grant issues: write to the workflow job"));
        }
    }

    private static IEnumerable<DoctorCheck> Workflow(DoctorContext context, InstalledWorkflow? installed)
    {
        if (installed is null)
        {
            yield return File.Exists(Path.Combine(context.Root, ".github", "workflows", "businessops-events.yml"))
                ? DoctorCheck.Warn("workflow", "separate events/reconcile/labels workflows (the BusinessOps repository itself, or an installation from before the reusable workflow)", "coordinator init writes the one workflow that replaces them (docs/INSTALL-GITHUB.md, Upgrading)")
                : DoctorCheck.Fail("workflow", $"no workflow under {Path.Combine(context.Root, ".github", "workflows")} calls BusinessOps", "coordinator init, then commit .github/workflows/businessops.yml");
            yield break;
        }

        var o = installed.Options;
        yield return Normalize(installed.Content) == Normalize(CallerWorkflow.Render(o))
            ? DoctorCheck.Ok("workflow", $"{installed.Path} runs {o.Repository}@{o.Ref}, agents {(o.Executor == "aws" ? "on AWS" : "on the runner")}")
            : DoctorCheck.Warn("workflow", $"{installed.Path} differs from what init writes for {o.Ref}", "coordinator init --force --dry-run shows the difference");
        if (context.ThisRelease is { } release && !string.Equals(release, o.Ref, StringComparison.Ordinal))
        {
            yield return DoctorCheck.Warn("version", $"the workflow runs {o.Ref}, this coordinator is {release}", $"to upgrade, change {o.Ref} to {release} in {installed.Path} (docs/INSTALL-GITHUB.md, Upgrading)");
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
