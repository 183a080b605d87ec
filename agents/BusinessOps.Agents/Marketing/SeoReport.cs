namespace BusinessOps.Agents.Marketing;

/// <summary>SEO measurements, a 0–100 score (five 20-point checks) and recommendations.</summary>
internal sealed record SeoReport(
    int TitleLength,
    int MetaLength,
    int Words,
    int Sentences,
    int Syllables,
    int KeywordOccurrences,
    double KeywordDensity,
    int H1Count,
    int H2Count,
    double FleschReadingEase,
    int Score,
    IReadOnlyList<string> Recommendations);
