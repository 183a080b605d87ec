using BusinessOps.Core.Comments;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.Policies;
using BusinessOps.Policies.Wording;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>
/// The coordinator's comments in the shipped wording (<c>policies/templates/coordinator/*.sbn</c>) say exactly what the
/// built-in text says; an edited template changes them without touching the hidden markers; a broken one is a warning
/// with file:line:column and the built-in text stands in.
/// </summary>
public sealed class ShippedWordingTests
{
    private static readonly Classification Invoice = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    private static readonly Effect Payment = new PaymentInstruction("Initech", 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();

    [Fact]
    public async Task ShippedWording_EveryCoordinatorComment_SameAsBuiltIn()
    {
        var loaded = PolicyLoader.Load(Path.Combine(Root(), "policies"));
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.DoesNotContain(loaded.Warnings, w => w.Contains("templates/coordinator", StringComparison.Ordinal));
        var shipped = Assert.IsType<TemplateWording>(loaded.Policies.Wording);

        var builtIn = await ScenarioAsync(PolicySet.Default);
        var edited = await ScenarioAsync(PolicySet.Default with { Wording = shipped });

        Assert.Equal(builtIn, edited);
        Assert.Empty(shipped.Problems);
        string[] said = ["### BusinessOps status", "<details><summary>Audit trail</summary>", "needs triage permission", "/frobnicate", "so `/approve` did nothing",
            "did not count", "cannot run here", "Escalated by `fiona`: the vendor &lt;b&gt;@\u200Dall&lt;/b&gt; is angry", "SLA of 1 hour is breached"];
        Assert.All(said, s => Assert.Contains(builtIn, b => b.Contains(s, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CommandReplies_UnknownCommandAndHelp_OurMarkdownWholeNotEscaped(bool shippedWording)
    {
        var policies = PolicySet.Default;
        if (shippedWording)
        {
            var loaded = PolicyLoader.Load(Path.Combine(Root(), "policies"));
            Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
            policies = policies with { Wording = loaded.Policies.Wording };
        }

        var h = new DecideHarness(policies);
        var n = await h.FileAsync("QA", "body", "dev/qa");
        h.Say(n, "randy", "/Frob-nicate <b>now</b>");
        h.Say(n, "randy", "/help");
        await h.PassAsync(n);

        var replies = (await h.IssueAsync(n)).Comments.Where(c => c.Author == h.Store.Identity && c.Body.Contains("Valid commands", StringComparison.Ordinal)).Select(c => c.Body).ToList();
        Assert.Equal(2, replies.Count);
        Assert.StartsWith("`randy`: `/frob-nicate` is not a command. " + CommandParser.Help, replies[0], StringComparison.Ordinal);
        Assert.StartsWith("`randy`: " + CommandParser.Help, replies[1], StringComparison.Ordinal);
        Assert.All(replies, r => Assert.DoesNotContain("\\`", r, StringComparison.Ordinal));
        Assert.All(replies, r => Assert.DoesNotContain("&lt;", r, StringComparison.Ordinal));
        Assert.DoesNotContain("<b>", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedWording_ChangesTheTextKeepsTheMarkers()
    {
        var files = new Dictionary<string, string>
        {
            [WordingLoader.FileName(CommentNames.Escalated)] = "ESCALATION ({{ author }}): {{ reason }} {{ 6 * 7 }}",
            [WordingLoader.FileName(CommentNames.Status)] = "## Where this stands\n{{ for r in rows }}\n* {{ r.name }}: {{ r.value }}{{ end }}",
        };
        var wording = WordingLoader.LoadFromStrings(files);
        Assert.Empty(wording.Errors);

        var h = new DecideHarness(PolicySet.Default with { Wording = wording.Wording });
        h.Store.SetPermission("tara", RepositoryPermission.Maintain);
        var n = await h.FileAsync("QA", "body", "dev/qa");
        h.Say(n, "tara", "/escalate {{ 1 + 1 }} <b>now</b>");
        await h.PassAsync(n);

        var comments = (await h.IssueAsync(n)).Comments.Where(c => c.Author == h.Store.Identity).Select(c => c.Body).ToList();
        var note = Assert.Single(comments, c => c.StartsWith("ESCALATION", StringComparison.Ordinal));
        Assert.StartsWith("ESCALATION (`tara`): {{ 1 + 1 }} &lt;b&gt;now&lt;/b&gt; 42\n\n<!-- businessops:note ", note, StringComparison.Ordinal);
        Assert.Contains(comments, c => c.StartsWith("## Where this stands\n\n* Status: `status/", StringComparison.Ordinal) && c.Contains("<!-- businessops:state ", StringComparison.Ordinal));
        Assert.Equal(Override.Escalated, (await h.StateAsync(n)).Override);
    }

    [Fact]
    public async Task EditedRoutingTemplate_UsedForTheNoteOfAnUnroutableIssue()
    {
        var files = new Dictionary<string, string> { [WordingLoader.FileName(CommentNames.RoutingNoLabel)] = "No route. Try {{ labels }}." };
        var wording = WordingLoader.LoadFromStrings(files);
        Assert.Empty(wording.Errors);

        var h = new DecideHarness(PolicySet.Default with { Wording = wording.Wording });
        var n = await h.FileAsync("Something <b>odd</b>", "body");
        await h.PassAsync(n);

        var note = Assert.Single((await h.IssueAsync(n)).Comments, c => c.Author == h.Store.Identity && c.Body.StartsWith("No route.", StringComparison.Ordinal));
        Assert.StartsWith("No route. Try `", note.Body, StringComparison.Ordinal);
        Assert.EndsWith(".\n\n<!-- businessops:note unroutable -->", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenTemplate_WarningWithFileLineColumn_BuiltInUsed()
    {
        var files = new Dictionary<string, string> { [WordingLoader.FileName(CommentNames.Escalated)] = "ok\n{{ if }}" };

        var loaded = PolicyLoader.LoadFromStrings(files);

        Assert.True(loaded.IsValid);
        var warning = Assert.Single(loaded.Warnings, w => w.StartsWith("templates/coordinator/escalated.sbn:2:", StringComparison.Ordinal));
        Assert.EndsWith("the built-in wording is used until it is fixed", warning, StringComparison.Ordinal);
        Assert.Equal("built-in", loaded.Policies.Wording.Render(CommentNames.Escalated, new Dictionary<string, object?>(), "built-in"));
    }

    [Fact]
    public void TemplateFailingWhileRendering_ProblemWithFileLine_BuiltInUsed()
    {
        var files = new Dictionary<string, string> { [WordingLoader.FileName(CommentNames.CommandHelp)] = "{{ author }}:\n{{ for i in 1..100000 }}x{{ end }}" };
        var wording = Assert.IsType<TemplateWording>(WordingLoader.LoadFromStrings(files).Wording);

        var text = wording.Render(CommentNames.CommandHelp, new Dictionary<string, object?> { ["author"] = "`tara`" }, "built-in");

        Assert.Equal("built-in", text);
        var problem = Assert.Single(wording.Problems);
        Assert.Equal(("templates/coordinator/command-help.sbn", 2), (problem.File, problem.Line));
    }

    [Fact]
    public void TemplateWritingIntoBuiltInFunctions_BuiltInUsed_OtherTemplatesUnaffected()
    {
        var files = new Dictionary<string, string>
        {
            [WordingLoader.FileName(CommentNames.CommandHelp)] = "{{ string.leak = 'leaked' }}{{ author }}",
            [WordingLoader.FileName(CommentNames.Escalated)] = "{{ reason | string.upcase }}{{ string.leak }}",
        };
        var wording = Assert.IsType<TemplateWording>(WordingLoader.LoadFromStrings(files).Wording);
        var model = new Dictionary<string, object?> { ["author"] = "tara", ["reason"] = "angry" };

        var help = wording.Render(CommentNames.CommandHelp, model, "built-in");
        var escalated = wording.Render(CommentNames.Escalated, model, "built-in");

        Assert.Equal(("built-in", "ANGRY"), (help, escalated));
        Assert.Equal("templates/coordinator/command-help.sbn", Assert.Single(wording.Problems).File);
    }

    /// <summary>Every kind of coordinator comment, on two issues: refused, unknown and pointless commands, a gated plan that cannot run here, an ignored approval, an escalation, an SLA breach.</summary>
    private static async Task<List<string>> ScenarioAsync(PolicySet policies)
    {
        var h = new DecideHarness(policies);
        h.Store.SetPermission("fiona", RepositoryPermission.Write);
        h.Store.SetPermission("randy", RepositoryPermission.Read);
        var n = await h.FileAsync("Pay the Initech invoice", "### Vendor\n\nInitech", "finance/analysis", "priority/P2");
        h.Say(n, "randy", "/hold");
        h.Say(n, "fiona", "/frobnicate");
        h.Say(n, "fiona", "/approve");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.NeedsApproval, agent: AgentNames.Finance, classification: Invoice, planHash: ResultRecord.HashOf("pay it", [Payment]), effects: [Payment]);
        await h.PassAsync(n);
        h.Say(n, "dana", "/approve");
        await h.PassAsync(n);
        h.Say(n, "fiona", "/escalate the vendor <b>@all</b> is angry");
        await h.PassAsync(n);

        var urgent = await h.FileAsync("Checkout down", "body", "dev/qa", "priority/P0");
        await h.PassAsync(urgent);
        h.Clock.Advance(TimeSpan.FromHours(3));
        await h.PassAsync(urgent);

        var comments = (await h.IssueAsync(n)).Comments.Concat((await h.IssueAsync(urgent)).Comments);
        return [.. comments.Where(c => c.Author == h.Store.Identity).Select(c => c.Body)];
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
