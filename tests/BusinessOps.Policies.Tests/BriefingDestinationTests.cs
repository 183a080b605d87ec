namespace BusinessOps.Policies.Tests;

/// <summary>Where the analytics and project-manager briefings are posted: empty, an issue <c>#N</c> or a chat endpoint's name.</summary>
public sealed class BriefingDestinationTests
{
    [Theory]
    [InlineData("briefingTo: team-chat\n")]
    [InlineData("briefingTo: \"#12\"\n")]
    [InlineData("briefingTo: \"\"\n")]
    public void Load_AnalyticsBriefingTo_Accepted(string yaml)
    {
        var result = Load.One("analytics.yml", yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Load_AnalyticsBriefingToAUrl_ErrorAtTheKey()
    {
        var error = Load.SingleError(Load.One("analytics.yml", "anomalyZ: 3\nbriefingTo: https://hooks.example.com/x\n"));

        Assert.StartsWith("analytics.yml:2:", error, StringComparison.Ordinal);
        Assert.Contains("is not a destination", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeliveryOversightTo_BoundAndChecked()
    {
        var ok = Load.One("delivery.yml", "oversightTo: ops-chat\n");
        var error = Load.SingleError(Load.One("delivery.yml", "oversightTo: \"#x\"\n"));

        Assert.Equal("ops-chat", ok.Policies!.Agents.Rules.Delivery!.OversightTo);
        Assert.StartsWith("delivery.yml:1:", error, StringComparison.Ordinal);
    }
}
