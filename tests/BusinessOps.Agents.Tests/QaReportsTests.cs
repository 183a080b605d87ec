using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13: TRX beside JUnit, flaky tests across attempts; issue 11: the verdict as a commit status.</summary>
public sealed class QaReportsTests
{
    private const string Coverage = "<coverage line-rate=\"0.9\"/>";

    private static string Trx(params (string Name, string Outcome)[] results) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun id=\"1\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n  <Results>\n"
        + string.Concat(results.Select((r, i) => $"    <UnitTestResult executionId=\"e{i}\" testId=\"t-{r.Name}\" testName=\"{r.Name}\" outcome=\"{r.Outcome}\"><Output><StdOut>x</StdOut></Output></UnitTestResult>\n"))
        + "  </Results>\n  <ResultSummary outcome=\"Completed\"/>\n</TestRun>";

    [Fact]
    public void Trx_Outcomes_MappedAndCounted()
    {
        var xml = Trx(("A.Pass", "Passed"), ("A.Fail", "Failed"), ("A.Skip", "NotExecuted"), ("A.Err", "Error"), ("A.Slow", "Timeout"));

        var s = TestRunSummary.Of(TrxParser.Executions(xml, TestReports.Field));

        Assert.Equal((5, 2, 1, 1), (s.Total, s.Failures, s.Errors, s.Skipped));
        Assert.Equal(["A.Fail", "A.Err", "A.Slow"], s.FailedTests);
        Assert.Empty(s.Flaky);
    }

    [Fact]
    public void Trx_DataRowsInsideAResult_NotCountedTwice()
    {
        const string xml = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testName="A.Rows" outcome="Passed"><InnerResults>
                <UnitTestResult testName="A.Rows (1)" outcome="Passed"/><UnitTestResult testName="A.Rows (2)" outcome="Passed"/>
              </InnerResults></UnitTestResult>
            </Results></TestRun>
            """;

        Assert.Single(TrxParser.Executions(xml, TestReports.Field));
    }

    [Fact]
    public async Task RunAsync_TrxTestFailingThenPassing_FlakyAndCountedAsPassed()
    {
        var body = FormBody.Of(("Test results", "```xml\n" + Trx(("Billing.Retry", "Failed"), ("Billing.Ok", "Passed"), ("Billing.Retry", "Passed")) + "\n```"), ("Coverage", Coverage));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.Equal(["Billing.Retry"], run.Out("flakyTests").AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, run.Num("tests"));
        Assert.Equal(1.0, run.Num("passRate"));
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Contains("1 flaky test(s)", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.Contains("flaky", StringComparison.Ordinal) && a.Contains("Billing.Retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TrxTestFailingTwice_FailedNotFlaky()
    {
        var body = FormBody.Of(("Test results", Trx(("A.Broken", "Failed"), ("A.Broken", "Failed"), ("A.Ok", "Passed"))), ("Coverage", Coverage));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.Empty(run.Out("flakyTests").AsArray());
        Assert.Equal(0.5, run.Num("passRate"));
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
    }

    [Fact]
    public async Task RunAsync_EarlierAttemptFailedLatestPassed_FlakyAcrossAttempts()
    {
        const string Earlier = "```xml\n<testsuite><testcase classname=\"A\" name=\"one\"><failure/></testcase><testcase classname=\"A\" name=\"two\"/></testsuite>\n```\n```xml\n<testsuite><testcase classname=\"A\" name=\"one\"><failure/></testcase></testsuite>\n```";
        var body = FormBody.Of(
            ("Test results", "<testsuite><testcase classname=\"A\" name=\"one\"/><testcase classname=\"A\" name=\"two\"/></testsuite>"),
            ("Earlier attempts", Earlier),
            ("Coverage", Coverage));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        Assert.Equal(["A.one"], run.Out("flakyTests").AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(run.Out("gatesPassed").GetValue<bool>());
    }

    [Fact]
    public void JUnit_SurefireFlakyFailure_Flaky()
    {
        const string xml = "<testsuite><testcase classname=\"A\" name=\"wobbly\"><flakyFailure message=\"timeout\"/></testcase><testcase classname=\"A\" name=\"bad\"><failure/><rerunFailure/></testcase></testsuite>";

        var s = JUnitParser.Parse(xml);

        Assert.Equal(["A.wobbly"], s.Flaky);
        Assert.Equal(["A.bad"], s.FailedTests);
    }

    [Theory]
    [InlineData("Test results", "<TestRun><Results><UnitTestResult testName=\"a\" outcome=\"Passed\"></Results></TestRun>")]
    [InlineData("Test results", "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results/></TestRun>")]
    [InlineData("Test results", "<TestRun><Results><UnitTestResult outcome=\"Passed\"/></Results></TestRun>")]
    [InlineData("Earlier attempts", "```xml\n<testsuite><testcase name=\"a\"/></testsuite>")]
    [InlineData("Earlier attempts", "<coverage line-rate=\"1\"/>")]
    public async Task RunAsync_MalformedReport_BadInputNamesTheField(string field, string value)
    {
        var fields = field == "Test results"
            ? FormBody.Of((field, value), ("Coverage", Coverage))
            : FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"), (field, value), ("Coverage", Coverage));

        var run = await Agents.RunAsync(AgentNames.Qa, fields);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"Field `{field}` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PullRequestAndPassingGates_SuccessStatusOnItsHead()
    {
        var body = FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"), ("Coverage", Coverage), ("Pull request", "https://github.com/acme/shop/pull/42"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.GitHubCommitStatus, "#42"), (effect.Kind, effect.Target));
        Assert.Equal("success", EffectParameters.Text(effect.Parameters, "state"));
        Assert.False(effect.OnFailure);
        Assert.Equal(QaAgent.StatusContext, EffectParameters.Text(effect.Parameters, "context"));
        Assert.Null(EffectShape.Problem(effect));
    }

    [Fact]
    public async Task RunAsync_PullRequestAndFailedGate_FailureStatusNamingTheGate()
    {
        var body = FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"><failure/></testcase></testsuite>"), ("Coverage", Coverage), ("Pull request", "#7"));

        var run = await Agents.RunAsync(AgentNames.Qa, body);

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal("failure", EffectParameters.Text(effect.Parameters, "state"));
        Assert.Contains("pass rate", EffectParameters.Text(effect.Parameters, "description"), StringComparison.Ordinal);
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);

        // The failed result's report: the one kind of effect a failed result keeps in its record, so the coordinator performs it.
        Assert.True(effect.OnFailure);
        Assert.Equal([effect], ResultRecord.From(run.Result).Effects!);
    }

    [Fact]
    public async Task RunAsync_NoPullRequest_NoEffect()
    {
        var run = await Agents.RunAsync(AgentNames.Qa, FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"), ("Coverage", Coverage)));

        Assert.Empty(run.Result.Effects);
    }

    [Theory]
    [InlineData("pull 42")]
    [InlineData("#0")]
    [InlineData("https://github.com/acme/shop/issues/42")]
    public async Task RunAsync_BadPullRequest_BadInput(string value)
    {
        var run = await Agents.RunAsync(AgentNames.Qa, FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"), ("Coverage", Coverage), ("Pull request", value)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Pull request` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnitParse_NoTestcase_BadInput()
    {
        Assert.Throws<BadInputException>(() => JUnitParser.Parse("<testsuite/>"));
    }
}
