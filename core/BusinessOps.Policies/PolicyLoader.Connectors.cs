using BusinessOps.Core.Policies;
using BusinessOps.Policies.Binding;

namespace BusinessOps.Policies;

/// <summary><c>connectors.yml</c> is loaded on its own (the connectors need it; <c>Decide</c> reads only readiness from it).</summary>
public static partial class PolicyLoader
{
    /// <summary>
    /// Loads <c>connectors.yml</c> from <paramref name="directory"/>; a missing file (or, with
    /// <paramref name="allowMissingDirectory"/>, a missing directory) means the default: only GitHub enabled.
    /// </summary>
    public static ConnectorsLoadResult LoadConnectors(string directory, bool allowMissingDirectory = false)
    {
        if (!Directory.Exists(directory))
        {
            return allowMissingDirectory
                ? new ConnectorsLoadResult(ConnectorsPolicy.Default, [], [$"policy directory '{directory}' not found: only the GitHub connector is enabled"])
                : new ConnectorsLoadResult(null, [new PolicyError(directory, 0, 0, "policy directory not found; pass --policies DIR with the folder holding connectors.yml")], []);
        }

        return LoadConnectors(PolicySource.FromDisk(directory, PolicyFileNames.Connectors));
    }

    /// <summary>Loads <c>connectors.yml</c> from its text (tests, embedding).</summary>
    public static ConnectorsLoadResult LoadConnectorsFromText(string text) => LoadConnectors(PolicySource.FromText(PolicyFileNames.Connectors, text));

    private static ConnectorsLoadResult LoadConnectors(PolicySource source)
    {
        var errors = new List<PolicyError>();
        var notes = new List<string>();
        var policy = Bind(source, ConnectorsBinder.Bind, ConnectorsPolicy.Default, errors, notes, out _);
        return new ConnectorsLoadResult(errors.Count == 0 ? policy : null, errors, notes);
    }
}
