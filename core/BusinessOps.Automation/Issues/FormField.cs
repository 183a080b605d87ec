namespace BusinessOps.Automation.Issues;

/// <summary>
/// One field of an issue-form body: <c>### Name</c>, a blank line, then the value. A <see cref="IsJson"/> field holds
/// machine-readable JSON and is written inside a <c>```json</c> fence, unchanged but for escapes that keep it inert.
/// </summary>
public sealed record FormField(string Name, string Value)
{
    public bool IsJson { get; init; }
}
