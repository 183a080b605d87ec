using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class QaAgentTests
{
    private const string JUnit = """
        <testsuites>
          <testsuite name="a">
            <testcase classname="A" name="one"/>
            <testcase classname="A" name="two"><failure message="boom">trace</failure></testcase>
            <testcase classname="A" name="three"><skipped/></testcase>
            <testcase classname="A" name="four"><error message="npe"/></testcase>
          </testsuite>
          <testsuite name="b">
            <testcase classname="B" name="five"><system-out>ok</system-out></testcase>
            <testcase classname="B" name="six"/>
          </testsuite>
        </testsuites>
        """;

    [Fact]
    public void JUnitParse_MixedResults_CountsAndPassRate()
    {
        var s = JUnitParser.Parse(JUnit);

        Assert.Equal((6, 1, 1, 1), (s.Total, s.Failures, s.Errors, s.Skipped));
        Assert.Equal(0.6, s.PassRate, 10);
        Assert.Equal(["A.two", "A.four"], s.FailedTests);
    }

    [Fact]
    public void JUnitParse_Dtd_RejectedAsBadInput()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"/></testsuite>";

        var ex = Assert.Throws<BadInputException>(() => JUnitParser.Parse(xml));

        Assert.StartsWith("Field `Test results` is invalid", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<coverage line-rate=\"0.85\"/>", 0.85)]
    [InlineData("<coverage line-rate=\"0.5\" lines-covered=\"790\" lines-valid=\"1000\"/>", 0.79)]
    public void CoberturaLineCoverage_Attributes_Parsed(string xml, double expected)
    {
        Assert.Equal(expected, CoberturaParser.LineCoverage(xml), 10);
    }

    [Fact]
    public async Task RunAsync_Coverage79_CoverageGateFails()
    {
        var body = FormBody.Of(
            ("Test results", "```xml\n<testsuite><testcase name=\"a\"/><testcase name=\"b\"/></testsuite>\n```"),
            ("Coverage", "```xml\n<coverage lines-covered=\"79\" lines-valid=\"100\"/>\n```"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        // A failed gate is a failed outcome (it used to complete and end in status/done).
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
        Assert.False(run.Result.Permanent);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.False(run.Out("gatesPassed").GetValue<bool>());
        Assert.False(run.Out("coverageGatePassed").GetValue<bool>());
        Assert.True(run.Out("passRateGatePassed").GetValue<bool>());
        Assert.Equal(0.79, run.Num("coverage"));
        Assert.Equal(1.0, run.Num("passRate"));
    }

    [Fact]
    public async Task RunAsync_Coverage80AndAllPass_GatesPass()
    {
        var body = FormBody.Of(
            ("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"),
            ("Coverage", "<coverage lines-covered=\"80\" lines-valid=\"100\"/>"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.True(run.Out("gatesPassed").GetValue<bool>());
    }

    [Fact]
    public async Task RunAsync_PassRateBelow95_PassRateGateFails()
    {
        var body = FormBody.Of(("Test results", JUnit), ("Coverage", "<coverage line-rate=\"0.9\"/>"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.False(run.Out("passRateGatePassed").GetValue<bool>());
        Assert.Equal(0.6, run.Num("passRate"));
        Assert.Equal(Impact.Medium, run.Result.Classification!.Impact);
    }

    [Fact]
    public async Task RunAsync_NotXml_BadInputNamesField()
    {
        var run = await Agents.RunAsync(AgentNames.Qa, FormBody.Of(("Test results", "all green!"), ("Coverage", "<coverage line-rate=\"0.9\"/>")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Test results` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_QualityGatesFromContext_Applied()
    {
        var body = FormBody.Of(
            ("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"),
            ("Coverage", "<coverage lines-covered=\"80\" lines-valid=\"100\"/>"));
        var strict = new DispatchContext { Policies = new AgentPolicies { QualityGates = new QualityGatesPolicy(0.9, 1.0) } };

        var run = await Agents.RunAsync(AgentNames.Qa, body, context: strict);

        // 80 % passes the built-in 80 % gate but not the 90 % the policy asks for.
        Assert.False(run.Out("coverageGatePassed").GetValue<bool>());
        Assert.Equal(0.9, run.Num("coverageGate"));
        Assert.Equal(1.0, run.Num("passRateGate"));
    }

    private static readonly string PassingReports = FormBody.Of(
        ("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"),
        ("Coverage", "<coverage lines-covered=\"90\" lines-valid=\"100\"/>"));

    [Fact]
    public async Task RunAsync_SecurityAgentLatestScore80_SecurityGateFails()
    {
        static IssueDigest Security(int number, string summary, int hour) => new(number, "scan", IssueState.Open, IssueStatus.Done, null, AgentNames.Security, [], false, false,
            Agents.Created, Agents.Created.AddHours(hour))
        { Summary = summary };
        var context = new DispatchContext
        {
            Issues = new IssueDigestSet("all", [Security(12, "Found 1 secret(s) (1 aws-access-key); security score 80/100. Rotate them now.", 5), Security(11, "No secrets found in 3 line(s); security score 100/100.", 1)], 0),
        };

        var run = await Agents.RunAsync(AgentNames.Qa, PassingReports, context: context);

        Assert.Equal(0.8, run.Num("securityScore"));
        Assert.False(run.Out("securityGatePassed").GetValue<bool>());
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
        Assert.Contains("security agent, issue #12", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OneOfTenBenchmarksRegressed_PerformanceGatePassesAtNinety()
    {
        var rows = string.Concat(Enumerable.Range(1, 9).Select(i => $"b{i},100,105\n")) + "slow,100,125\n";
        var body = PassingReports + FormBody.Of(("Security score", "90"), ("Benchmarks", "```csv\nname,baseline,current\n" + rows + "```"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.Equal(0.9, run.Num("performanceScore"));
        Assert.True(run.Out("performanceGatePassed").GetValue<bool>());
        Assert.Equal("slow (+25.0%)", run.Out("regressed").AsArray().Single()!.GetValue<string>());
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
    }

    [Fact]
    public async Task RunAsync_TwoOfTenRegressed_PerformanceGateFails()
    {
        var rows = string.Concat(Enumerable.Range(1, 8).Select(i => $"b{i},100,100\n")) + "x,100,120\ny,10,12\n";

        var run = await Agents.RunAsync(AgentNames.Qa, PassingReports + FormBody.Of(("Benchmarks", "name,baseline,current\n" + rows)));

        Assert.False(run.Out("performanceGatePassed").GetValue<bool>());
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
    }

    [Fact]
    public async Task RunAsync_NoSecurityOrBenchmarks_GatesNotMeasuredAndPass()
    {
        var run = await Agents.RunAsync(AgentNames.Qa, PassingReports);

        Assert.Null(run.Result.Outputs["securityGatePassed"]);
        Assert.Null(run.Result.Outputs["performanceGatePassed"]);
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
    }

    [Theory]
    [InlineData("id,time\na,1")]
    [InlineData("name,baseline,current\na,zero,1")]
    [InlineData("name,baseline,current\n")]
    public async Task RunAsync_BadBenchmarks_BadInputNamesField(string csv)
    {
        var run = await Agents.RunAsync(AgentNames.Qa, PassingReports + FormBody.Of(("Benchmarks", csv)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Benchmarks` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }
}
