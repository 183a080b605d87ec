using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class SecretFingerprintTests
{
    [Fact]
    public void Of_Sha256OfUtf8AndLengthInChars()
    {
        var fingerprint = SecretFingerprint.Of("pässword-123");

        Assert.Equal(64, fingerprint.Sha256.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("pässword-123"u8)), fingerprint.Sha256);
        Assert.Equal(12, fingerprint.Length);
    }

    [Fact]
    public void FindSpans_EveryOccurrence_InOrder()
    {
        const string Text = "a SECRET1x b SECRET1x SECRET1x";

        var spans = SecretFingerprint.FindSpans(Text, [SecretFingerprint.Of("SECRET1x")]);

        Assert.Equal([(2, 8), (13, 8), (22, 8)], spans);
        Assert.Equal("a [r] b [r] [r]", SecretFingerprint.Replace(Text, spans, "[r]"));
    }

    [Fact]
    public void FindSpans_OverlappingSecrets_MergedIntoOneSpan()
    {
        var spans = SecretFingerprint.FindSpans("xxABCDEFGHIJyy", [SecretFingerprint.Of("ABCDEFGH"), SecretFingerprint.Of("EFGHIJ")]);

        Assert.Equal([(2, 10)], spans);
    }

    [Fact]
    public void FindSpans_SecretNotThereOrLongerThanText_None()
    {
        Assert.Empty(SecretFingerprint.FindSpans("nothing here", [SecretFingerprint.Of("token-123456")]));
        Assert.Empty(SecretFingerprint.FindSpans("short", [SecretFingerprint.Of("a much longer secret")]));
    }

    [Fact]
    public void FindSpans_SecretNextToSurrogatePairs_FoundWithoutSplittingThem()
    {
        const string Text = "🙂tok_ABCDEFGH🙂";

        var spans = SecretFingerprint.FindSpans(Text, [SecretFingerprint.Of("tok_ABCDEFGH")]);

        Assert.Equal("🙂[x]🙂", SecretFingerprint.Replace(Text, spans, "[x]"));
    }
}
