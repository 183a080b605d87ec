using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
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

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
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
}
