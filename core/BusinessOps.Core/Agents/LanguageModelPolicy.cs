namespace BusinessOps.Core.Agents;

/// <summary>
/// <c>policies/language-model.yml</c>: the optional language model agents may draft prose with (support answers,
/// campaign copy, proposal narrative, decision-brief summaries). Off unless <see cref="Model"/> is named and the
/// agent's environment has <c>OPENAI_BASE_URL</c> and <c>OPENAI_API_KEY</c>. Numbers and decisions never come from it.
/// </summary>
public sealed record LanguageModelPolicy
{
    public static LanguageModelPolicy Off { get; } = new();

    /// <summary>The model name the endpoint serves, or null: no language model.</summary>
    public string? Model { get; init; }

    /// <summary>A slower answer is abandoned and the deterministic text kept, with a note.</summary>
    public double TimeoutSeconds { get; init; } = 15;

    /// <summary>Most tokens one draft may produce.</summary>
    public int MaxOutputTokens { get; init; } = 400;

    /// <summary>Price per million input tokens, for <c>costUsd</c>.</summary>
    public decimal InputUsdPerMillionTokens { get; init; } = 0.15m;

    /// <summary>Price per million output tokens, for <c>costUsd</c>.</summary>
    public decimal OutputUsdPerMillionTokens { get; init; } = 0.60m;
}
