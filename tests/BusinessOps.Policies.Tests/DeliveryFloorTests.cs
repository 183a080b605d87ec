namespace BusinessOps.Policies.Tests;

/// <summary>delivery.yml's feature floors: bound per driver, a negative floor refused with file and key.</summary>
public sealed class DeliveryFloorTests
{
    [Fact]
    public void Load_DriverFloor_Bound()
    {
        var result = Load.One("delivery.yml", """
            drivers:
              - name: security
                points: 5
                floor: 21
                keywords: [sso]
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(21, Assert.Single(result.Policies!.Agents.Rules.Delivery!.Drivers).Floor);
    }

    [Fact]
    public void Load_NegativeFloor_Error()
    {
        var error = Load.SingleError(Load.One("delivery.yml", "drivers:\n  - name: security\n    points: 5\n    floor: -1\n    keywords: [sso]\n"));

        Assert.StartsWith("delivery.yml:", error, StringComparison.Ordinal);
        Assert.Contains("floor", error, StringComparison.Ordinal);
    }
}
