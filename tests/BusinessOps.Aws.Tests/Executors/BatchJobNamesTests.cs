using BusinessOps.Aws.Executors;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class BatchJobNamesTests
{
    [Theory]
    [InlineData("acme/shop#42/a1/plan")]
    [InlineData("-/-#0/a0/plan")]
    [InlineData("___")]
    [InlineData("")]
    [InlineData("日本/リポ#2147483647/a2147483647/execute")]
    [InlineData("a b\tc\nd#1/a1/plan")]
    public void ForKey_AnyKey_IsValidAndDeterministic(string key)
    {
        var name = BatchJobNames.ForKey(key);

        Assert.True(BatchJobNames.IsValid(name), name);
        Assert.Matches(FakeBatchShape.JobName(), name);
        Assert.Equal(name, BatchJobNames.ForKey(key));
    }

    [Fact]
    public void ForKey_VeryLongKey_IsCappedAt128()
    {
        var name = BatchJobNames.ForKey(new string('x', 5000) + "#1/a1/plan");

        Assert.Equal(128, name.Length);
        Assert.True(BatchJobNames.IsValid(name));
    }

    [Fact]
    public void ForKey_LongKeysDifferingOnlyAtTheEnd_DoNotCollide()
    {
        var prefix = new string('x', 500);

        Assert.NotEqual(BatchJobNames.ForKey(prefix + "#1/a1/plan"), BatchJobNames.ForKey(prefix + "#1/a1/execute"));
    }

    [Fact]
    public void ForKey_KeysDifferingOnlyInCase_DoNotCollideEvenUnderCaseInsensitiveLookup()
    {
        var upper = BatchJobNames.ForKey("Acme/Shop#1/a1/plan");
        var lower = BatchJobNames.ForKey("acme/shop#1/a1/plan");

        Assert.NotEqual(upper.ToUpperInvariant(), lower.ToUpperInvariant());
    }
}
