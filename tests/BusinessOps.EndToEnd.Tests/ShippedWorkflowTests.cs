using System.Text.Json;
using Xunit;

namespace BusinessOps.EndToEnd.Tests;

/// <summary>
/// Issue 12 (trial): a shipped workflow runs with the real agents from <c>workflow start</c> to its parent closing done,
/// driven only through the coordinator's commands on the local store. The copy review is a person's: the
/// operations manager (olivia in the shipped approvals.yml) approves it with a comment, as she would on GitHub.
/// </summary>
[Collection("processes")]
public sealed class ShippedWorkflowTests
{
    [Fact]
    public async Task ContentMarketing_RealAgentsAndAPersonsReview_RunsEveryStepAndClosesTheParentDone()
    {
        using var c = new Coordinator();
        var policies = ShippedWithoutClock(c.Root);
        c.Environment["BUSINESSOPS_AUTOMATION"] = "on";
        await c.WithStoreAsync("issues", "collaborator", "add", "olivia", "--permission", "write");
        await c.WithStoreAsync("issues", "collaborator", "add", "ceo", "--permission", "write");

        var start = await c.WithStoreAsync("workflow", "start", "content-marketing", "--policies", policies,
            "--input", "campaign=Spring hiking checklist", "--input", "audience=Weekend hikers", "--input", "budget=800",
            "--input", "startDate=2099-04-01", "--input", "endDate=2099-04-21",
            "--input", "pageTitle=The spring hiking checklist: 12 things to pack before you go",
            "--input", "metaDescription=Everything to pack for a safe spring hike, from layers to water and maps, in one printable checklist you can take along.",
            "--input", "focusKeyword=hiking checklist");
        Assert.True(start.ExitCode == 0, start.ToString());
        var parent = int.Parse(start.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        var approved = false;
        for (var pass = 0; pass < 12 && (await c.ShowAsync(parent)).GetProperty("state").GetString() != "closed"; pass++)
        {
            var run = await c.WithStoreAsync("run", "--once", "--policies", policies);
            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var review in (await AllAsync(c)).Where(i => i.Title.Contains("review of", StringComparison.Ordinal) && i.State == "open"))
            {
                await c.WithStoreAsync("issues", "comment", review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--body", "/approve On brand and clear.", "--as", "olivia");
                approved = true;
            }

            // A public campaign plan is L2 under the shipped autonomy.yml: the CEO (approvals.yml, enterprise customer impact) approves it.
            foreach (var plan in (await AllAsync(c)).Where(i => i.Labels.Contains("status/awaiting-approval") && i.State == "open"))
            {
                await c.WithStoreAsync("issues", "comment", plan.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--body", "/approve", "--as", "ceo");
            }
        }

        var done = await c.ShowAsync(parent);
        var issues = await AllAsync(c);
        var summary = string.Join("\n", issues.Select(i => $"#{i.Number} {i.State} {i.Title} [{string.Join(", ", i.Labels)}]"))
            + "\n" + string.Join("\n---\n", Labels.Comments(await c.ShowAsync(issues.First(i => i.Labels.Contains("status/failed") || i.Number == 2).Number)));
        Assert.True(approved, summary);
        Assert.True(done.GetProperty("state").GetString() == "closed", summary);
        Assert.Contains("status/done", Labels.Of(done));
        foreach (var step in new[] { "Campaign plan and copy", "SEO review of the copy", "Social campaign", "Track performance" })
        {
            var child = Assert.Single(issues, i => i.Title.EndsWith("] " + step, StringComparison.Ordinal));
            Assert.DoesNotContain("status/needs-triage", child.Labels);
            Assert.Contains("status/done", child.Labels);
        }

        // The SEO step read the campaign's copy as its Content: the real agent measured it.
        var seo = await c.ShowAsync(issues.Single(i => i.Title.EndsWith("] SEO review of the copy", StringComparison.Ordinal)).Number);
        Assert.Contains(Labels.Comments(seo), b => b.Contains("SEO score", StringComparison.Ordinal) || b.Contains("hiking checklist", StringComparison.Ordinal));
    }

    // The shipped workflows and approvals, without the schedules, client schedules and triggers that depend on the wall clock.
    private static string ShippedWithoutClock(string root)
    {
        var dir = Path.Combine(root, "policies");
        foreach (var file in Directory.EnumerateFiles(Coordinator.ShippedPolicies, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(Coordinator.ShippedPolicies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Delete(Path.Combine(dir, "schedules.yml"));
        File.Delete(Path.Combine(dir, "tenants.yml"));
        File.Delete(Path.Combine(dir, "triggers.yml"));
        return dir;
    }

    private static async Task<IReadOnlyList<Row>> AllAsync(Coordinator c)
    {
        var r = await c.WithStoreAsync("issues", "list", "--state", "all", "--json");
        return [.. JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Select(i => new Row(
            i.GetProperty("number").GetInt32(), i.GetProperty("title").GetString()!, i.GetProperty("state").GetString()!, Labels.Of(i)))];
    }

    private sealed record Row(int Number, string Title, string State, IReadOnlyList<string> Labels);
}
