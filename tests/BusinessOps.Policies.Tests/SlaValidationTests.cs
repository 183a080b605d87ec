using BusinessOps.Core.Labels;

namespace BusinessOps.Policies.Tests;

public sealed class SlaValidationTests
{
    private const string Priorities = """
        priorities:
          P0: {target: 1h, requiresManager: true}
          P1: {target: 4h, requiresManager: true}
          P2: {target: 1d}
          P3: {target: 3d}
        """;

    [Fact]
    public void Load_ValidSla_BindsEveryField()
    {
        var result = Load.One("sla.yml", "defaultPriority: P3\natRisk: 80%\nmanagers: ['@olivia', acme/ops-leads]\n" + Priorities);

        Assert.True(result.IsValid);
        var sla = result.Policies.Sla;
        Assert.Equal(Priority.P3, sla.DefaultPriority);
        Assert.Equal(0.8, sla.AtRiskFraction, 10);
        Assert.Equal(["olivia", "acme/ops-leads"], sla.Managers);
        Assert.Equal(TimeSpan.FromHours(4), sla.For(Priority.P1).Target);
        Assert.True(sla.For(Priority.P1).RequiresManager);
        Assert.Equal(TimeSpan.FromDays(3), sla.For(Priority.P3).Target);
        Assert.False(sla.For(Priority.P3).RequiresManager);
    }

    [Fact]
    public void Load_BadPriority_ListsAcceptedValues()
    {
        Assert.Equal(
            "sla.yml:1:18: 'defaultPriority' must be one of P0, P1, P2, P3; found 'P5'",
            Load.SingleError(Load.One("sla.yml", "defaultPriority: P5\n" + Priorities)));
    }

    [Fact]
    public void Load_MissingPriority_ReportsWhichOne()
    {
        var text = "priorities:\n  P0: {target: 1h}\n  P1: {target: 4h}\n  P3: {target: 3d}\n";

        Assert.Equal("sla.yml:2:3: 'priorities' is missing the required key 'P2'", Load.SingleError(Load.One("sla.yml", text)));
    }

    [Fact]
    public void Load_NoPriorities_ReportsRequiredKey()
    {
        Assert.Equal("sla.yml:1:1: the file is missing the required key 'priorities'", Load.SingleError(Load.One("sla.yml", "atRisk: 0.5\n")));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("-1h")]
    [InlineData("1h 30m")]
    public void Load_BadDuration_SaysWhatIsExpected(string target)
    {
        var text = Priorities.Replace("{target: 1h, requiresManager: true}", $"{{target: '{target}', requiresManager: true}}", StringComparison.Ordinal);

        Assert.Equal(
            $"sla.yml:2:16: 'target' must be a positive duration such as 90s, 30m, 1h, 2d or 1h30m (at most 365d); found '{target}'",
            Load.SingleError(Load.One("sla.yml", text)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("150%")]
    [InlineData("[0.5]")]
    public void Load_AtRiskOutOfRange_ReportsFractionExpected(string value)
    {
        var error = Load.SingleError(Load.One("sla.yml", $"atRisk: {value}\n" + Priorities));

        Assert.StartsWith("sla.yml:1:9: 'atRisk' must be a fraction greater than 0 and at most 1 (e.g. 0.75) or a percentage (e.g. 75%); found ", error);
    }

    [Fact]
    public void Load_RequiresManagerNotBoolean_ReportsType()
    {
        var text = Priorities.Replace("requiresManager: true}", "requiresManager: yes}", StringComparison.Ordinal);

        var result = Load.One("sla.yml", text);

        Assert.Equal(
            ["sla.yml:2:37: 'requiresManager' must be true or false; found 'yes'", "sla.yml:3:37: 'requiresManager' must be true or false; found 'yes'"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_ManagerNotALogin_ReportsShape()
    {
        Assert.Equal(
            "sla.yml:1:12: 'olivia smith' is not a GitHub login (e.g. octocat) or a team as org/team-slug",
            Load.SingleError(Load.One("sla.yml", "managers: [olivia smith]\n" + Priorities)));
    }

    [Fact]
    public void Load_UnknownPriorityKey_ListsAllowed()
    {
        var error = Load.SingleError(Load.One("sla.yml", Priorities + "\n  P4: {target: 1d}\n"));

        Assert.Equal("sla.yml:6:3: unknown key 'P4' in 'priorities'; allowed keys: P0, P1, P2, P3", error);
    }
}
