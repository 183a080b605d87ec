namespace BusinessOps.Policies.Tests;

/// <summary><c>fairShare: { perPass }</c> in dispatch.yml: the pass's budget of new runs, or a clear error at file:line:col.</summary>
public sealed class DispatchFairShareTests
{
    [Fact]
    public void Load_PerPass_IsThePassBudget()
    {
        var result = Load.One("dispatch.yml", "fairShare:\n  perPass: 200\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(200, result.Policies.Dispatch.PerPass);
    }

    [Fact]
    public void Load_NoFairShare_NoBudget()
    {
        var result = Load.One("dispatch.yml", "retry: {base: 1m}\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Null(result.Policies.Dispatch.PerPass);
    }

    [Theory]
    [InlineData("fairShare:\n  perPass: 0\n", "dispatch.yml:2:12: 'perPass' must be a whole number from 1 to 100000; found '0'")]
    [InlineData("fairShare:\n  perPass: -10\n", "dispatch.yml:2:12: 'perPass' must be a whole number from 1 to 100000; found '-10'")]
    [InlineData("fairShare:\n  perPass: lots\n", "dispatch.yml:2:12: 'perPass' must be a whole number from 1 to 100000")]
    [InlineData("fairShare:\n  perpass: 10\n", "dispatch.yml:2:3: unknown key 'perpass' in 'fairShare'")]
    public void Load_BadPerPass_ErrorWithFileLineAndColumn(string text, string expected)
    {
        Assert.StartsWith(expected, Load.SingleError(Load.One("dispatch.yml", text)), StringComparison.Ordinal);
    }
}
