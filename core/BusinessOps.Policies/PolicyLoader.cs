using System.Text;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Binding;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies;

/// <summary>
/// Loads and validates <c>policies/*.yml</c> into a <see cref="PolicySet"/>. Every error of every file
/// is collected with its file, line and column; a missing file falls back to the record's embedded
/// default with a note. Policies are returned only when there is no error at all.
/// </summary>
public static partial class PolicyLoader
{
    /// <summary>Largest policy file accepted, in bytes (UTF-8).</summary>
    public const int MaxFileBytes = YamlDocumentReader.MaxBytes;

    /// <summary>
    /// What the <c>--policies</c> option of every command does: <paramref name="option"/> null (not given)
    /// resolves through <see cref="PolicyPaths.Resolve"/> and falls back to the embedded defaults when no
    /// folder exists; an explicit path must exist.
    /// </summary>
    public static PolicyLoadResult LoadFromOption(string? option) =>
        Load(PolicyPaths.Resolve(option), allowMissingDirectory: !PolicyPaths.IsGiven(option));

    /// <summary>Loads the six policy files of <paramref name="directory"/>; a missing directory is an error.</summary>
    public static PolicyLoadResult Load(string directory) => Load(directory, allowMissingDirectory: false);

    /// <summary>
    /// Loads the six policy files of <paramref name="directory"/>. With <paramref name="allowMissingDirectory"/>
    /// (the default <c>--policies</c> was not overridden) a missing directory means "use the embedded
    /// defaults"; otherwise it is an error, because a mistyped path must not silently run on defaults.
    /// </summary>
    public static PolicyLoadResult Load(string directory, bool allowMissingDirectory)
    {
        if (!Directory.Exists(directory))
        {
            if (allowMissingDirectory)
            {
                var defaults = LoadFromStrings(new Dictionary<string, string>());
                return defaults with { Notes = [$"policy directory '{directory}' not found: using the embedded defaults", .. defaults.Notes] };
            }

            var what = File.Exists(directory) ? "is a file, not a policy directory" : "policy directory not found";
            return new PolicyLoadResult(null, [new PolicyError(directory, 0, 0, $"{what}; pass --policies DIR with a folder holding {string.Join(", ", PolicyFileNames.All)}")], []);
        }

        var sources = new List<PolicySource>();
        foreach (var name in PolicyFileNames.All)
        {
            sources.Add(PolicySource.FromDisk(directory, name));
        }

        var loaded = WithWording(WithAgents(Load(sources), Agents.AgentPolicyLoader.Load(directory)), Wording.WordingLoader.Load(directory));
        return loaded with { Warnings = [.. UnknownEntries.Find(directory), .. loaded.Warnings] };
    }

    /// <summary>Loads policies from file name → content (for tests and embedding); absent names use the defaults.</summary>
    public static PolicyLoadResult LoadFromStrings(IReadOnlyDictionary<string, string> files)
    {
        var sources = new List<PolicySource>();
        foreach (var name in PolicyFileNames.All)
        {
            sources.Add(files.TryGetValue(name, out var text) ? PolicySource.FromText(name, text) : PolicySource.Missing(name, null));
        }

        return WithWording(WithAgents(Load(sources), Agents.AgentPolicyLoader.LoadFromStrings(files)), Wording.WordingLoader.LoadFromStrings(files));
    }

    /// <summary>
    /// The coordinator's comment wording rides on the policy set; a template that does not parse is a warning (file:line:column),
    /// not an error: its built-in text is used, so a typo in the wording never stops the coordinator.
    /// </summary>
    private static PolicyLoadResult WithWording(PolicyLoadResult result, (Core.Comments.ICommentWording Wording, IReadOnlyList<PolicyError> Errors) wording) => result with
    {
        Policies = result.Policies is null ? null : result.Policies with { Wording = wording.Wording },
        Warnings = [.. result.Warnings, .. wording.Errors.Select(e => $"{e}; the built-in wording is used until it is fixed")],
    };

    /// <summary>The agents' files join the result: their errors make it invalid, else their book rides on the policy set.</summary>
    private static PolicyLoadResult WithAgents(PolicyLoadResult core, Agents.AgentLoadResult agents) =>
        agents.Errors.Count == 0
            ? core with { Policies = core.Policies is null ? null : core.Policies with { Agents = agents.Book } }
            : new PolicyLoadResult(null, [.. core.Errors, .. agents.Errors], core.Notes);

    private static PolicyLoadResult Load(List<PolicySource> sources)
    {
        var errors = new List<PolicyError>();
        var notes = new List<string>();
        var byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

        var routing = Bind(byName[PolicyFileNames.Routing], RoutingBinder.Bind, RoutingPolicy.Default, errors, notes, out var routingValid);
        var sla = Bind(byName[PolicyFileNames.Sla], SlaBinder.Bind, SlaPolicy.Default, errors, notes, out _);
        var dispatch = Bind(byName[PolicyFileNames.Dispatch], DispatchBinder.Bind, DispatchPolicy.Default, errors, notes, out _);
        var autonomy = Bind(byName[PolicyFileNames.Autonomy], AutonomyBinder.Bind, AutonomyPolicy.Default, errors, notes, out var autonomyValid);
        var approvals = Bind(byName[PolicyFileNames.Approvals], ApprovalsBinder.Bind, ApprovalPolicy.Default, errors, notes, out _);
        var gates = Bind(byName[PolicyFileNames.QualityGates], QualityGatesBinder.Bind, QualityGatesPolicy.Default, errors, notes, out _);

        if (routingValid && autonomyValid)
        {
            errors.AddRange(CrossChecks.OverridesMatchRouting(byName[PolicyFileNames.Autonomy], autonomy, routing));
        }

        var policies = errors.Count == 0 ? new PolicySet(routing, sla, dispatch, autonomy, approvals, gates) : null;
        return new PolicyLoadResult(policies, errors, notes);
    }

    private static T Bind<T>(PolicySource source, Func<YamlValue, FileDiagnostics, T> bind, T fallback, List<PolicyError> errors, List<string> notes, out bool valid)
    {
        valid = false;
        if (source.Text is null)
        {
            if (source.Problem is { } problem)
            {
                errors.Add(problem);
                return fallback;
            }

            notes.Add($"{source.Name} not found: using the embedded default");
            valid = true;
            return fallback;
        }

        var diagnostics = new FileDiagnostics(source.Name);
        if (Encoding.UTF8.GetByteCount(source.Text) > MaxFileBytes)
        {
            diagnostics.Error(1, 1, $"file is larger than {MaxFileBytes / 1024 / 1024} MB; policy files are a few kilobytes, so this is not a policy file");
        }
        else if (YamlDocumentReader.Read(source.Text, diagnostics.Error) is { } root)
        {
            var result = bind(root, diagnostics);
            if (!diagnostics.HasErrors)
            {
                valid = true;
                return result;
            }
        }

        errors.AddRange(diagnostics.Sorted());
        return fallback;
    }
}
