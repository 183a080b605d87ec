namespace BusinessOps.Aws.Secrets;

/// <summary>The language model's key an agent process found (or null), and why it has none when it looked and failed.</summary>
public sealed record LanguageModelKeyLookup(string? ApiKey, string? Problem)
{
    public static LanguageModelKeyLookup None { get; } = new(null, null);

    /// <summary>Never prints the key.</summary>
    public override string ToString() => ApiKey is null ? Problem ?? "no key" : "a key";
}
