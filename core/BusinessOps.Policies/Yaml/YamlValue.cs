namespace BusinessOps.Policies.Yaml;

/// <summary>A node of a policy document with its 1-based start position; aliases and tags never reach here.</summary>
internal abstract record YamlValue(int Line, int Column)
{
    /// <summary>How the node reads in a "found …" message.</summary>
    public abstract string Describe();
}
