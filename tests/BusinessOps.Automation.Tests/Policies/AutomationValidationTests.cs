using BusinessOps.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Automation.Tests.Policies;

public sealed class AutomationValidationTests
{
    private static IReadOnlyList<PolicyError> Errors(params (string File, string Text)[] files)
    {
        var result = AutomationPolicyLoader.LoadFromStrings(files.ToDictionary(f => f.File, f => f.Text));
        Assert.False(result.IsValid);
        return result.Errors;
    }

    private static PolicyError Single(params (string File, string Text)[] files) => Assert.Single(Errors(files));

    private const string Issue = """
            issue:
              title: "Briefing {date}"
              agent: analytics
        """;

    [Fact]
    public void Schedule_InvalidCron_ErrorAtTheCronValue()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: briefing\n    cron: \"0 8 * *\"\n" + Issue));

        Assert.Equal(("schedules.yml", 3, 11), (error.File, error.Line, error.Column));
        Assert.Contains("invalid cron expression '0 8 * *'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_UnknownTimeZone_ErrorSaysIana()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: briefing\n    cron: \"0 8 * * *\"\n    timeZone: America/Los_Angles\n" + Issue));

        Assert.Equal(4, error.Line);
        Assert.Contains("unknown time zone 'America/Los_Angles'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_TemplateNamesUnknownAgent_ErrorWithSuggestion()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: briefing\n    cron: \"0 8 * * *\"\n    issue:\n      title: x\n      agent: analytcs\n"));

        Assert.Equal((6, 14), (error.Line, error.Column));
        Assert.Contains("unknown agent 'analytcs' (did you mean 'ai-analytics-agent'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_ReportOfAnUnknownPeriod_ErrorAtTheValueNamingTheChoices()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: client-report\n    cron: \"0 9 * * 1\"\n    report: quarter\n" + Issue));

        Assert.Equal((4, 13), (error.Line, error.Column));
        Assert.Contains("'report' must be day, week or month", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_ReportWithAWorkflow_ErrorSaysGiveItItsOwnSchedule()
    {
        var wf = "title: Recovery\nsteps:\n  - id: find\n    agent: finance\n";
        var error = Single(("schedules.yml", "schedules:\n  - id: client-report\n    cron: \"0 9 * * 1\"\n    workflow: recovery\n    report: week\n" + Issue), ("workflows/recovery.yml", wf));

        Assert.Equal(5, error.Line);
        Assert.Contains("'report' cannot be combined with 'workflow'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_UnknownPlaceholder_Error()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: briefing\n    cron: \"0 8 * * *\"\n    issue:\n      title: \"Briefing {day}\"\n      agent: analytics\n"));

        Assert.Contains("unknown placeholder '{day}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_Cycle_ErrorAtTheNeedsEntryThatClosesIt()
    {
        const string yaml = """
            steps:
              - id: a
                agent: marketing
                needs: [c]
              - id: b
                agent: marketing
                needs: [a]
              - id: c
                agent: marketing
                needs: [b]
            """;

        var error = Single(("workflows/loop.yml", yaml));

        Assert.Equal(("workflows/loop.yml", 4, 13), (error.File, error.Line, error.Column));
        Assert.Contains("cycle: a → c → b → a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_MissingStep_ErrorWithSuggestion()
    {
        const string yaml = """
            steps:
              - id: content
                agent: marketing
              - id: seo
                agent: marketing
                needs: [contnet]
            """;

        var error = Single(("workflows/cm.yml", yaml));

        Assert.Equal((6, 13), (error.Line, error.Column));
        Assert.Contains("needs 'contnet', which is not a step of this workflow", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'content'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_UnknownAgent_ErrorAtTheAgent()
    {
        var error = Single(("workflows/cm.yml", "steps:\n  - id: content\n    agent: copywriter\n"));

        Assert.Equal((3, 12), (error.Line, error.Column));
        Assert.Contains("unknown agent 'copywriter'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_TypeMismatchBetweenOutputAndInput_ErrorAtTheMapping()
    {
        const string yaml = """
            steps:
              - id: seo
                agent: marketing
                outputSchema:
                  type: object
                  properties:
                    keywords: { type: string }
              - id: social
                agent: marketing
                needs: [seo]
                inputs:
                  keywords: seo.outputs.keywords
                inputSchema:
                  type: object
                  properties:
                    keywords: { type: array }
            """;

        var error = Single(("workflows/cm.yml", yaml));

        Assert.Equal((12, 17), (error.Line, error.Column));
        Assert.Contains("type mismatch: input 'keywords' of step 'social' expects array, but 'seo.outputs.keywords' is string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_MapsFromAStepItDoesNotNeed_Error()
    {
        var error = Single(("workflows/cm.yml", "steps:\n  - id: a\n    agent: marketing\n  - id: b\n    agent: marketing\n    inputs:\n      x: a.outputs.y\n"));

        Assert.Equal(7, error.Line);
        Assert.Contains("which step 'b' does not need", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_InvalidSchema_ErrorAtTheSchema()
    {
        var error = Single(("workflows/cm.yml", "steps:\n  - id: a\n    agent: marketing\n    outputSchema:\n      type: 12\n"));

        Assert.Equal(5, error.Line);
        Assert.Contains("not a usable JSON Schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenants_BadClient_ErrorsNameTheKey()
    {
        var errors = Errors(("tenants.yml", "clients:\n  Acme Corp:\n    name: Acme\n  globex:\n    limits:\n      dailySpendUsd: -5\n"));

        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("lowercase", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("missing the required key 'name'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("dailySpendUsd", StringComparison.Ordinal));
    }

    [Fact]
    public void Triggers_UnsafeCondition_IsRefusedNotEvaluated()
    {
        var error = Single(("triggers.yml", "thresholds:\n  - id: x\n    when: \"System.IO.File.Delete('/') < 1\"\n    issue: { title: t, agent: marketing }\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("cannot read the condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triggers_FeedUrlNotHttp_Error()
    {
        var error = Single(("triggers.yml", "feeds:\n  - id: news\n    url: file:///etc/passwd\n    issue: { title: t, agent: marketing }\n"));

        Assert.Contains("absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFiles_ValidAndEmpty()
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string>());

        Assert.True(result.IsValid);
        Assert.Empty(result.Policies.Schedules);
    }

    [Fact]
    public void Triggers_FeedForAClientWithNoProfile_ErrorNamesTheKnownClients()
    {
        var error = Single(
            ("tenants.yml", "clients:\n  acme:\n    name: Acme\n"),
            ("triggers.yml", "feeds:\n  - id: news\n    url: https://example.com/feed\n    client: initech\n    issue: { title: t, agent: marketing }\n"));

        Assert.Equal(("triggers.yml", 4), (error.File, error.Line));
        Assert.Contains("no profile for client 'initech'", error.Message, StringComparison.Ordinal);
        Assert.Contains("known clients: acme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenants_ClientScheduleStartingAWorkflow_IsBoundWithTheClient()
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string>
        {
            ["workflows/onboarding.yml"] = "steps:\n  - id: kickoff\n    agent: customer-success\n",
            ["tenants.yml"] = "clients:\n  acme:\n    name: Acme\n    schedules:\n      - id: refresh\n        every: 1d\n        workflow: onboarding\n        issue: { title: t, agent: customer-success }\n",
        });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var schedule = Assert.Single(result.Policies.Schedules);
        Assert.Equal(("refresh/acme", "acme", "onboarding"), (schedule.Id, schedule.Client, schedule.Workflow));
    }

    [Fact]
    public void Schedule_UnknownWorkflow_ErrorListsTheWorkflows()
    {
        var error = Single(("schedules.yml", "schedules:\n  - id: s\n    every: 1d\n    workflow: lauch\n    issue: { title: t, agent: marketing }\n"),
            ("workflows/launch.yml", "steps:\n  - id: a\n    agent: marketing\n"));

        Assert.Equal(4, error.Line);
        Assert.Contains("unknown workflow 'lauch' (did you mean 'launch'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_NamingAnInvalidWorkflow_OnlyThatWorkflowsOwnErrorIsReported()
    {
        // The workflow file exists but has a mistake: the schedule naming it is not "unknown workflow" as well.
        var error = Single(("schedules.yml", "schedules:\n  - id: s\n    every: 1d\n    workflow: launch\n    issue: { title: t, agent: marketing }\n"),
            ("workflows/launch.yml", "steps:\n  - id: a\n    agent: marketting\n"));

        Assert.Equal("workflows/launch.yml", error.File);
    }

    [Fact]
    public void Workflow_SchemaWithARemoteRef_IsRefusedNeverFetched()
    {
        var error = Single(("workflows/w.yml", "steps:\n  - id: a\n    agent: marketing\n    outputSchema:\n      $ref: https://schemas.example.com/out.json\n"));

        Assert.Equal(5, error.Line);
        Assert.Contains("not a usable JSON Schema", error.Message, StringComparison.Ordinal);
    }
}
