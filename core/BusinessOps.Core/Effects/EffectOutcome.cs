namespace BusinessOps.Core.Effects;

/// <summary>
/// What a connector reports after performing one effect. Connectors never throw for a target's failures: they
/// return <see cref="EffectStatus.Failed"/> (nothing happened) or <see cref="EffectStatus.Unknown"/> (it may have).
/// </summary>
/// <param name="Status">Done, Failed or Unknown (never Started).</param>
/// <param name="Reference">Where to see it: a URL, a message id, a delivery id.</param>
/// <param name="Error">One line on what went wrong, for the status comment (target's answer excerpted, secrets never).</param>
/// <param name="Permanent">For a failure: true when trying again cannot help (a 4xx answer, a refused login, bad parameters).</param>
public sealed record EffectOutcome(EffectStatus Status, string? Reference = null, string? Error = null, bool Permanent = false)
{
    /// <summary>Longest reference or error kept (the status marker must stay small).</summary>
    public const int MaxTextLength = 300;

    public static EffectOutcome Done(string? reference) => new(EffectStatus.Done, Bound(reference));

    public static EffectOutcome Failed(string error, bool permanent) => new(EffectStatus.Failed, Error: Bound(error), Permanent: permanent);

    public static EffectOutcome Unknown(string error) => new(EffectStatus.Unknown, Error: Bound(error));

    /// <summary>One line of at most <see cref="MaxTextLength"/> characters (line breaks become spaces).</summary>
    public static string? Bound(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxTextLength ? line : line[..(MaxTextLength - 1)] + "…";
    }
}
