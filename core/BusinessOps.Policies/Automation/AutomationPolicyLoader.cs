using System.Text;
using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Schedules;
using BusinessOps.Automation.Workflows;
using BusinessOps.Policies.Binding.Automation;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Automation;

/// <summary>
/// Loads <c>tenants.yml</c>, <c>schedules.yml</c>, <c>triggers.yml</c> and <c>workflows/*.yml</c> with the same YAML
/// reader and error shape as <see cref="PolicyLoader"/>; every file is optional (absent means none). Workflows load
/// first (schedules name them), then tenants (per-client schedules expand over the clients, feeds name them).
/// </summary>
public static class AutomationPolicyLoader
{
    /// <summary>Loads from the policy folder <paramref name="directory"/> (the same folder as routing.yml).</summary>
    public static AutomationLoadResult Load(string directory)
    {
        var files = new List<PolicySource>
        {
            PolicySource.FromDisk(directory, AutomationFileNames.Tenants),
            PolicySource.FromDisk(directory, AutomationFileNames.Schedules),
            PolicySource.FromDisk(directory, AutomationFileNames.Triggers),
        };
        var workflows = new List<PolicySource>();
        var folder = Path.Combine(directory, AutomationFileNames.WorkflowsFolder);
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal).Take(AutomationFileNames.MaxWorkflowFiles))
            {
                workflows.Add(PolicySource.FromDisk(directory, AutomationFileNames.WorkflowsFolder + "/" + Path.GetFileName(path)));
            }
        }

        return Load(files, workflows);
    }

    /// <summary>Loads from file name → content; workflow files are named <c>workflows/&lt;name&gt;.yml</c>.</summary>
    public static AutomationLoadResult LoadFromStrings(IReadOnlyDictionary<string, string> files)
    {
        PolicySource Source(string name) => files.TryGetValue(name, out var text) ? PolicySource.FromText(name, text) : PolicySource.Missing(name, null);
        var workflows = files.Keys.Where(k => k.StartsWith(AutomationFileNames.WorkflowsFolder + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(k => PolicySource.FromText(k, files[k])).ToList();
        return Load([Source(AutomationFileNames.Tenants), Source(AutomationFileNames.Schedules), Source(AutomationFileNames.Triggers)], workflows);
    }

    private static AutomationLoadResult Load(List<PolicySource> files, List<PolicySource> workflowFiles)
    {
        var errors = new List<PolicyError>();
        var contracts = new List<PolicyError>();
        var notes = new List<string>();
        var workflows = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        foreach (var file in workflowFiles)
        {
            var name = Path.GetFileNameWithoutExtension(file.Name);
            if (Bind(file, contracts, (root, d) => WorkflowBinder.Bind(root, d, name) ?? new WorkflowDefinition(name, name, []), errors) is { } workflow)
            {
                workflows[workflow.Name] = workflow;
            }
        }

        // A schedule may name a workflow whose file has errors of its own: those are reported there, not as an unknown workflow.
        var workflowNames = new SortedSet<string>(workflowFiles.Select(f => Path.GetFileNameWithoutExtension(f.Name)), StringComparer.Ordinal);
        var tenants = Bind(files[0], contracts, (root, d) => TenantsBinder.Bind(root, d, workflowNames), errors) ?? new TenantsBinder.Result(ClientDirectory.Empty, []);

        var schedules = Bind(files[1], contracts, (root, d) => SchedulesBinder.Bind(root, d, tenants.Clients, workflowNames), errors) ?? [];
        var triggers = Bind(files[2], contracts, (root, d) => TriggersBinder.Bind(root, d, tenants.Clients), errors) ?? new TriggersBinder.Result([], []);
        foreach (var file in files.Where(f => f.Text is null && f.Problem is null))
        {
            notes.Add($"{file.Name} not found: no {Path.GetFileNameWithoutExtension(file.Name)}");
        }

        List<ScheduleDefinition> all = [.. schedules, .. tenants.Schedules];
        var duplicate = all.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(new PolicyError(AutomationFileNames.Tenants, 0, 0, $"schedule id '{duplicate.Key}' is used twice (schedules.yml and a client's schedules in tenants.yml); ids must be unique"));
        }

        var policies = errors.Count == 0
            ? new AutomationPolicies(all, tenants.Clients, triggers.Thresholds, triggers.Feeds, workflows) { HasTenants = files[0].Text is not null }
            : null;
        return new AutomationLoadResult(policies, errors, notes) { ContractErrors = contracts };
    }

    private static T? Bind<T>(PolicySource source, List<PolicyError> contracts, Func<YamlValue, FileDiagnostics, T> bind, List<PolicyError> errors)
        where T : class
    {
        if (source.Text is null)
        {
            if (source.Problem is { } problem)
            {
                errors.Add(problem);
            }

            return null;
        }

        var diagnostics = new FileDiagnostics(source.Name);
        if (Encoding.UTF8.GetByteCount(source.Text) > PolicyLoader.MaxFileBytes)
        {
            diagnostics.Error(0, 0, $"file is larger than {PolicyLoader.MaxFileBytes / 1024 / 1024} MB; policy files are a few kilobytes");
        }
        else if (YamlDocumentReader.Read(source.Text, diagnostics.Error) is { } root)
        {
            var result = bind(root, diagnostics);
            if (!diagnostics.HasErrors)
            {
                contracts.AddRange(diagnostics.Contracts.OrderBy(e => e.Line).ThenBy(e => e.Column));
                return result;
            }
        }

        errors.AddRange(diagnostics.Sorted());
        return null;
    }
}
