using System.Text.RegularExpressions;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// The QA, security, developer, architect, devops, operations and finance (invoice and payment recovery) comments moved into templates: with the built-in and
/// with the shipped <c>policies/templates/&lt;agent&gt;.sbn</c> they read exactly as the code wrote them before the move
/// (pinned in <c>Golden/</c>); an edited template changes the wording; issue text in them stays text.
/// </summary>
public sealed partial class GoldenCommentsTests
{
    public static TheoryData<string> Inputs => [.. GoldenInputs.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task BuiltInAndShippedTemplate_RenderTheCommentAsBeforeTheMove(string name)
    {
        var (_, agent, body) = GoldenInputs.All.Single(i => i.Name == name);
        var golden = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".md"));

        var builtIn = await Agents.RunAsync(agent, body);
        var shipped = await Agents.RunAsync(agent, body, context: new DispatchContext { Policies = new AgentPolicies { Template = await ShippedAsync(agent) } });

        // As the reader sees it: the result comment trims the plan and neutralizes it (a template's values come escaped
        // already); a refused loopback probe's latency is the machine's.
        Assert.Equal(AsShown(golden), AsShown(builtIn.Result.Plan));
        Assert.Equal(WithoutLatency(builtIn.Result.Plan), WithoutLatency(shipped.Result.Plan));
        Assert.DoesNotContain(shipped.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    /// <summary><paramref name="plan"/> with each latency cell as <c>N ms</c>: a refused loopback probe's latency is the machine's.</summary>
    internal static string WithoutLatency(string? plan) => Latency().Replace(plan ?? string.Empty, "| N ms |");

    private static string AsShown(string? plan) => WithoutLatency(MarkdownSafe.Block(plan).Trim());

    internal static async Task<CommentTemplate> ShippedAsync(string agent)
    {
        var file = "templates/" + AgentPolicyBook.TemplateName(agent) + ".sbn";
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return new CommentTemplate(file, await File.ReadAllTextAsync(Path.Combine(dir.FullName, "policies", file)));
    }

    [GeneratedRegex(@"\| \d+ ms \|", RegexOptions.None, 1000)]
    private static partial Regex Latency();
}
