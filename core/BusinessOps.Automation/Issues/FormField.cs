namespace BusinessOps.Automation.Issues;

/// <summary>One field of an issue-form body: <c>### Name</c>, a blank line, then the value.</summary>
public sealed record FormField(string Name, string Value);
