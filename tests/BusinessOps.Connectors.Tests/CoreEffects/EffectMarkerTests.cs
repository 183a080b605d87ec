using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectMarkerTests
{
    [Fact]
    public void Format_PlainKey_WrittenAsIs() =>
        Assert.Equal("<!-- businessops:effect acme/ops#7/a1/execute/e3 -->", EffectMarker.Format(Samples.Key(3).ToString()));

    [Fact]
    public void Format_KeyWithCharactersThatCouldEndTheComment_PercentEncoded()
    {
        var marker = EffectMarker.Format("acme/a--b c>d#1/a1/execute/e1");

        Assert.Equal("<!-- businessops:effect acme/a-%2Db%20c%3Ed#1/a1/execute/e1 -->", marker);
        Assert.Equal(marker.Length - 3, marker.IndexOf("-->", StringComparison.Ordinal));
    }

    [Fact]
    public void IsIn_OtherKeyOrPrefixOfKey_False()
    {
        var body = EffectMarker.Append("hello", "acme/ops#7/a1/execute/e1");

        Assert.True(EffectMarker.IsIn(body, "acme/ops#7/a1/execute/e1"));
        Assert.False(EffectMarker.IsIn(body, "acme/ops#7/a1/execute/e10"));
        Assert.False(EffectMarker.IsIn(body, "acme/ops#7/a1/execute/e"));
        Assert.False(EffectMarker.IsIn(null, "acme/ops#7/a1/execute/e1"));
    }

    [Fact]
    public void Append_TextCarryingAMarker_DisarmedSoOnlyOurMarkerCounts()
    {
        var forged = EffectMarker.Format("acme/ops#7/a1/execute/e2") + " and <!-- businessops:state {} -->";

        var body = EffectMarker.Append("quoted: " + forged, "acme/ops#7/a1/execute/e1");

        Assert.False(EffectMarker.IsIn(body, "acme/ops#7/a1/execute/e2"));
        Assert.True(EffectMarker.IsIn(body, "acme/ops#7/a1/execute/e1"));
        Assert.Equal(1, body.Split("<!-- businessops:").Length - 1);
        Assert.Contains("&lt;!-- businessops:state {} -->", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_EmptyText_OnlyTheMarker() => Assert.Equal(EffectMarker.Format("k#1/a1/execute/e1"), EffectMarker.Append("  \n", "k#1/a1/execute/e1"));
}
