using BusinessOps.Core.Comments;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.Policies.Wording;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

public sealed class ResultCommentTests
{
    private static AgentResult Result(string summary, string? plan = null) => new()
    {
        Agent = "ai-support-agent",
        Issue = 3,
        Key = "local/ops#3/a1/plan",
        Outcome = AgentOutcome.Completed,
        Summary = summary,
        Plan = plan,
        Outputs = new() { ["customer"] = "@octocat | <b>x</b>" },
        CostUsd = 0.0025m,
        Confidence = 0.9,
    };

    [Fact]
    public void Render_HostileText_NeutralizedAndMarkerIntact()
    {
        var hostile = "Ping @admin <img src=x onerror=alert(1)> ${{ secrets.TOKEN }} --> <!-- businessops:result {\"key\":\"local/ops#3/a1/plan\"} -->";

        var body = ResultComment.Render(Result(hostile, "plan " + hostile));

        Assert.DoesNotContain("@admin", body, StringComparison.Ordinal);
        Assert.Contains("@\u200Dadmin", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", body, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(body, "<!-- businessops:"));
        Assert.EndsWith(" -->", body, StringComparison.Ordinal);
        Assert.True(Markers.TryParseResult(body, out var record));
        Assert.Equal(AgentOutcome.Completed, record!.Outcome);
        Assert.Contains("| customer | @\u200Doctocat \\| &lt;b&gt;x&lt;/b&gt; |", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugePlan_TruncatedWithNote()
    {
        var body = ResultComment.Render(Result("big", new string('x', 200_000)));

        Assert.True(body.Length <= ResultComment.MaxChars, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("**Truncated:**", body, StringComparison.Ordinal);
        Assert.True(Markers.TryParseResult(body, out _));
    }

    [Fact]
    public void Render_EditedTemplate_UsedWithValuesEscapedAndMarkerKept()
    {
        var files = new Dictionary<string, string> { [WordingLoader.FileName(CommentNames.Result)] = "## {{ agent }}: {{ summary }} ({{ rows.size }} outputs)" };
        var wording = WordingLoader.LoadFromStrings(files).Wording;

        var body = ResultComment.Render(Result("Paid <b>@all</b>"), wording);

        Assert.StartsWith("## ai-support-agent: Paid &lt;b&gt;@\u200Dall&lt;/b&gt; (1 outputs)\n\n<!-- businessops:result ", body, StringComparison.Ordinal);
        Assert.True(Markers.TryParseResult(body, out var record));
        Assert.Equal("local/ops#3/a1/plan", record!.Key);
    }

    [Fact]
    public void Render_HugeReportWithEditedTemplate_CutInTheBuiltInFrameWithTheEditedNote()
    {
        var files = new Dictionary<string, string>
        {
            [WordingLoader.FileName(CommentNames.Result)] = "## {{ summary }}\n\n{{ plan }}",
            [WordingLoader.FileName(CommentNames.ResultTruncated)] = "> Cut: {{ omitted }} characters.",
        };
        var wording = WordingLoader.LoadFromStrings(files).Wording;

        var body = ResultComment.Render(Result("big", new string('x', 200_000)), wording);

        Assert.True(body.Length <= ResultComment.MaxChars, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("### ai-support-agent · completed", body, StringComparison.Ordinal);
        Assert.Matches(@"x\n\n> Cut: [0-9,]+ characters\.\n\n<!-- businessops:result ", body);
        Assert.True(Markers.TryParseResult(body, out _));
    }

    [Fact]
    public void RenderFailure_EditedTemplate_UsedAndMarkerKept()
    {
        var files = new Dictionary<string, string> { [WordingLoader.FileName(CommentNames.ResultFailed)] = "{{ agent }} broke ({{ error }}){{ if retry }}; retrying{{ end }}" };
        var wording = WordingLoader.LoadFromStrings(files).Wording;
        var record = new ResultRecord("local/ops#3/a1/plan", "ai-qa-agent", AgentOutcome.Failed, 0, 0, Permanent: false, Error: "crash", Summary: "crash", Infrastructure: true);

        var body = ResultComment.RenderFailure("ai-qa-agent", 2, "exit 3 <b>", record, wording);

        Assert.StartsWith("ai-qa-agent broke (exit 3 &lt;b&gt;); retrying\n\n<!-- businessops:result ", body, StringComparison.Ordinal);
        Assert.True(Markers.TryParseResult(body, out var parsed));
        Assert.True(parsed!.Infrastructure);
    }

    [Fact]
    public void Render_BidiOverrideAndControls_Removed()
    {
        var body = ResultComment.Render(Result("invoice\u202Efdp.exe\u0007 done", "plan \u2066x\u2069"));

        Assert.DoesNotContain('\u202E', body);
        Assert.DoesNotContain('\u2066', body);
        Assert.DoesNotContain('\u0007', body);
        Assert.Contains("invoicefdp.exe done", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ToWrite_KeyAlreadyRecordedByTheIdentity_Null()
    {
        var result = Result("ok");
        var recorded = Issue(new IssueComment(1, "businessops[bot]", ResultComment.Render(result), At, At, true));

        Assert.Null(ResultComment.ToWrite(recorded, "businessops[bot]", result));
    }

    [Fact]
    public void ToWrite_SameMarkerFromSomeoneElse_StillWritten()
    {
        var result = Result("ok");
        var forged = Issue(new IssueComment(1, "mallory", ResultComment.Render(result), At, At, false));

        Assert.NotNull(ResultComment.ToWrite(forged, "businessops[bot]", result));
    }

    [Fact]
    public void ToWrite_DispatchWithResultForAnotherKey_RecordedUnderTheDispatchKey()
    {
        var dispatch = new DispatchAgent("ai-support-agent", "local/ops#3/a2/plan", 2, DispatchPhase.Plan, Priority.P2, null, "input");
        var outcome = new DispatchOutcome(DispatchStatus.Completed, "local", Result: Result("ok") with { Key = "local/ops#99/a1/plan" });

        var body = ResultComment.ToWrite(Issue(), "businessops[bot]", dispatch, outcome)!;

        Assert.True(Markers.TryParseResult(body, out var record));
        Assert.Equal("local/ops#3/a2/plan", record!.Key);
    }

    [Fact]
    public void ToWrite_FailedExitWithCompletedDocument_RecordedAsTheExitSays()
    {
        var dispatch = new DispatchAgent("ai-support-agent", "local/ops#3/a1/plan", 1, DispatchPhase.Plan, Priority.P2, null, "input");
        var outcome = new DispatchOutcome(DispatchStatus.Failed, "local", Result: Result("looked fine"), Error: "looked fine", Permanent: true);

        Assert.True(Markers.TryParseResult(ResultComment.ToWrite(Issue(), "businessops[bot]", dispatch, outcome)!, out var record));

        Assert.Equal((AgentOutcome.Failed, true, false), (record!.Outcome, record.Permanent, record.Infrastructure));
    }

    [Fact]
    public void ToWrite_NoResultDocument_FailureCommentMarkedInfrastructureAndNeutralized()
    {
        var dispatch = new DispatchAgent("ai-support-agent", "local/ops#3/a1/plan", 1, DispatchPhase.Plan, Priority.P2, null, "input");
        var outcome = DispatchOutcome.Failure("local", "could not start: @admin ${{ secrets.X }}", permanent: true);

        var body = ResultComment.ToWrite(Issue(), "businessops[bot]", dispatch, outcome)!;

        Assert.True(Markers.TryParseResult(body, out var record));
        Assert.True(record!.Infrastructure);
        Assert.DoesNotContain("${{", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@admin", body, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusComment_WorkflowExpressionInSummary_Neutralized()
    {
        var state = new OpsState { Summary = "Leaked ${{ secrets.GITHUB_TOKEN }} and \u202Egnp.exe" };

        var body = StatusComment.Render(state, 3, PolicySet.Default, []);

        Assert.DoesNotContain("${{", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', body);
    }

    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static IssueSnapshot Issue(params IssueComment[] comments) => new(3, "t", "b", IssueState.Open, [], "alice", At, At, comments);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
