namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/marketing.yml</c>: channel mix and cadence, the email sequence, SEO lengths.</summary>
public sealed record MarketingRules
{
    public static MarketingRules Default { get; } = new();

    public IReadOnlyList<MarketingChannel> Channels { get; init; } =
    [
        new("email", 0.20, 7, "newsletter"), new("linkedin", 0.30, 3, "post"), new("search-ads", 0.35, 1, "ad group"),
        new("blog", 0.15, 7, "article"),
    ];

    /// <summary>Email sequence: day offsets and the purpose of each email.</summary>
    public IReadOnlyList<OnboardingStep> EmailSequence { get; init; } =
    [
        new(0, "Announce: the problem and the offer", null), new(3, "Proof: a customer story with numbers", null),
        new(7, "Objections: answer the top three questions", null), new(12, "Last call: deadline and a clear next step", null),
    ];

    public int TitleMin { get; init; } = 50;

    public int TitleMax { get; init; } = 60;

    public int MetaMin { get; init; } = 150;

    public int MetaMax { get; init; } = 160;
}
