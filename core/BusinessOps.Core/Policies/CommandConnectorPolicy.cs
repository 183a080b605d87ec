namespace BusinessOps.Core.Policies;

/// <summary>Local commands: off unless enabled, and only ever with the local executor.</summary>
public sealed record CommandConnectorPolicy(bool Enabled, IReadOnlyList<CommandDefinition> Commands)
{
    public static CommandConnectorPolicy Default { get; } = new(false, []);

    /// <summary>The command named <paramref name="name"/>, or null.</summary>
    public CommandDefinition? Find(string name) => Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
