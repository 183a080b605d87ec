using System.Text.Json;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.EndToEnd.Tests;

[Collection("processes")]
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Json_EveryAgentCompletesAndBrokenIssuesGetAdvice()
    {
        using var c = new Coordinator();

        var r = await c.RunAsync("demo", "--json", "--store", c.Store);

        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.True(json.GetProperty("issues").GetInt32() >= 30);
        Assert.Equal(c.Store, json.GetProperty("store").GetString());
        Assert.Equal(2, json.GetProperty("byStatus").GetProperty("needs-triage").GetInt32());
        Assert.True(json.GetProperty("byStatus").GetProperty("done").GetInt32() >= 14);

        // An issue its own effect closed (the auto-resolved support reply) ends done, not in progress forever; the developer
        // plan's sub-issues are tasks for people, not untriaged "new" work.
        var statuses = json.GetProperty("byStatus").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("in-progress", statuses);
        Assert.DoesNotContain("new", statuses);
        Assert.True(json.GetProperty("byStatus").GetProperty("task").GetInt32() >= 1);
        var byAgent = json.GetProperty("byAgent");
        foreach (var agent in AgentNames.All)
        {
            Assert.True(byAgent.GetProperty(agent).GetProperty("completed").GetInt32() >= 1, agent);
        }

        var list = await c.WithStoreAsync("issues", "list", "--label", "status/needs-triage", "--json");
        var triaged = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToList();
        var advice = new List<string>();
        foreach (var n in triaged)
        {
            advice.AddRange(Labels.Comments(await c.ShowAsync(n)));
        }

        Assert.Contains(advice, b => b.Contains("no routing label", StringComparison.Ordinal));
        Assert.Contains(advice, b => b.Contains("`Total` is required", StringComparison.Ordinal));

        // Approved plans act (issue 11): the CFO-approved $6,000 invoice reached the demo's loopback payables webhook,
        // and the approved triage applied its labels.
        var paid = await c.WithStoreAsync("plan", "show", "24");
        Assert.True(paid.ExitCode == 0, paid.ToString());
        Assert.Contains("carla", paid.Stdout, StringComparison.Ordinal);
        Assert.Contains("e1 [done: payables", paid.Stdout, StringComparison.Ordinal);
        Assert.Contains("Send $6,000.00 to the payables webhook to pay Initech Consulting", paid.Stdout, StringComparison.Ordinal);
        var triage = await c.WithStoreAsync("plan", "show", "9");
        Assert.Contains("e1 [done: #9 labels +[operations/monitoring]", triage.Stdout, StringComparison.Ordinal);
        Assert.Contains("operations/monitoring", Labels.Of(await c.ShowAsync(9)));

        // The architect's ADR pull request cannot be opened on the local store: its plan waits with its note, never approved into a failure.
        Assert.Contains("status/awaiting-approval", Labels.Of(await c.ShowAsync(1)));
    }

    [Fact]
    public async Task RunOnce_SecondPassOverUnchangedIssues_MakesZeroWrites()
    {
        using var c = new Coordinator();
        await c.FileAsync("Scan the README", "### Content\n\nnothing secret here", "security/compliance", "priority/P3");
        await c.FileAsync("Which label?", "no idea", "question");

        var first = await c.WithStoreAsync("run", "--once", "--json");
        var second = await c.WithStoreAsync("run", "--once", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        var a = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal(2, a.GetProperty("examined").GetInt32());
        Assert.Equal(1, a.GetProperty("dispatched").GetInt32());
        Assert.True(a.GetProperty("writes").GetInt32() > 0);
        var b = JsonDocument.Parse(second.Stdout).RootElement;
        Assert.Equal(0, b.GetProperty("writes").GetInt32());
        Assert.Equal(0, b.GetProperty("dispatched").GetInt32());
        Assert.Contains("status/done", Labels.Of(await c.ShowAsync(1)));
    }

    [Fact]
    public async Task PoliciesValidate_BrokenFiles_ListsEveryErrorAndRunRefuses()
    {
        using var c = new Coordinator();
        var dir = Path.Combine(c.Root, "bad-policies");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "routing.yml"), "rules:\n  - match: dev/qa\n    agent: ai-seller-agent\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "sla.yml"), "defaultPriority: P9\n");
        await c.FileAsync("QA", "body", "dev/qa");

        var validate = await c.RunAsync("policies", "validate", "--policies", dir);
        var run = await c.WithStoreAsync("run", "--once", "--json", "--policies", dir);

        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("routing.yml:3:12:", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("sla.yml:1:", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("status/", string.Join(',', Labels.Of(await c.ShowAsync(1))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoreFromANewerSchema_ClearErrorAndExit2()
    {
        using var c = new Coordinator();
        await c.FileAsync("QA", "body", "dev/qa");
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + c.Store))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }

        var run = await c.WithStoreAsync("run", "--once");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("newer", run.Stderr, StringComparison.Ordinal);
    }
}
