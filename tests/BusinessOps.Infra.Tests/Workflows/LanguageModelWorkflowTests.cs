using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.Workflows;

/// <summary>
/// Issue 13, optional language model, on GitHub Actions: the key (<c>secrets.OPENAI_API_KEY</c>) reaches only the step that
/// starts agents on the runner, the endpoint comes from <c>vars.OPENAI_BASE_URL</c>, and the AWS job names the stack's secret
/// for <c>coordinator doctor</c>. Unset, the coordinator's environment holds neither variable.
/// </summary>
public sealed class LanguageModelWorkflowTests
{
    private const string Reusable = ".github/workflows/businessops-run.yml";
    private const string RunAction = ".github/actions/run-coordinator/action.yml";

    [Fact]
    public void Reusable_DeclaresTheKeyAsAnOptionalSecret()
    {
        var secret = Yaml.Load(Reusable).Map("on")!.Map("workflow_call")!.Map("secrets")!.Map("openai-api-key");

        Assert.NotNull(secret);
        Assert.Equal("false", secret.Text("required"));
    }

    [Fact]
    public void Reusable_KeyAndEndpoint_OnlyOnTheLocalJobsRunStep()
    {
        var jobs = Jobs(Reusable);
        var local = Steps(jobs["local"]).ToList();
        var run = local.Single(s => s.Text("id") == "run");

        Assert.Equal("${{ secrets.openai-api-key }}", run.Map("with")!.Text("openai-api-key"));
        Assert.Equal("${{ vars.OPENAI_BASE_URL }}", run.Map("with")!.Text("openai-base-url"));

        // Nowhere else: not in a job's env (every step would get it), not in another step, not in the AWS job.
        var mentions = Occurrences(Yaml.Load(Reusable), "openai-api-key }}").ToList();
        Assert.Equal(["jobs/local/steps/Run/with/openai-api-key"], mentions);
        Assert.DoesNotContain("OPENAI", string.Concat(jobs["local"].Map("env")!.Entries().Select(e => e.Key)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reusable_AwsJob_NamesTheStacksSecretForDoctorAndNeverGetsTheKey()
    {
        var aws = Jobs(Reusable)["aws"];

        Assert.Equal("${{ vars.BUSINESSOPS_AGENT_MODEL_SECRET_ARN }}", aws.Map("env")!.Text("BUSINESSOPS_AGENT_MODEL_SECRET_ARN"));
        Assert.Empty(Occurrences(aws, "openai", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RunAction_KeyOnlyInTheCoordinatorStep_DroppedForALabelSyncAndUnsetWhenEmpty()
    {
        var action = Yaml.Load(RunAction);
        var steps = ((YamlSequenceNode)action.Map("runs")!.Get("steps")!).Children;
        var run = steps.Single(s => s.Text("id") == "run");

        Assert.Equal("", action.Map("inputs")!.Map("openai-api-key")!.Text("default"));
        Assert.Equal("${{ inputs.mode != 'labels' && inputs.openai-api-key || '' }}", run.Map("env")!.Text("OPENAI_API_KEY"));
        Assert.Equal("${{ inputs.openai-base-url }}", run.Map("env")!.Text("OPENAI_BASE_URL"));
        Assert.Single(steps, s => Occurrences(s, "inputs.openai-api-key").Any());

        // Not configured must mean what it meant before: no variable at all, not an empty one. And never printed.
        var script = run.Text("run")!;
        Assert.Contains("[[ -n \"$OPENAI_API_KEY\" ]] || unset OPENAI_API_KEY", script, StringComparison.Ordinal);
        Assert.Contains("[[ -n \"$OPENAI_BASE_URL\" ]] || unset OPENAI_BASE_URL", script, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Split('\n'), l => l.Contains("echo", StringComparison.Ordinal) && l.Contains("OPENAI", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".github/workflows/businessops-events.yml", "local,local-trips")]
    [InlineData(".github/workflows/businessops-reconcile.yml", "local")]
    [InlineData(".github/workflows/businessops-labels.yml", "")]
    public void Callers_PassTheKeyOnlyToJobsWhoseAgentsRunOnTheRunner(string path, string expected)
    {
        var passing = Jobs(path)
            .Where(j => j.Value.Map("secrets")?.Text("openai-api-key") is { } v && v == "${{ secrets.OPENAI_API_KEY }}")
            .Select(j => j.Key);
        var mentioning = Jobs(path).Where(j => Occurrences(j.Value, "openai", StringComparison.OrdinalIgnoreCase).Any()).Select(j => j.Key);

        Assert.Equal(expected, string.Join(',', passing));
        Assert.Equal(expected, string.Join(',', mentioning));
        Assert.All(Jobs(path).Where(j => passing.Contains(j.Key)), j => Assert.NotEqual("aws", j.Value.Map("with")!.Text("executor")));
    }

    private static Dictionary<string, YamlNode> Jobs(string path) => Yaml.Load(path).Map("jobs")!.Entries().ToDictionary(e => e.Key, e => e.Value);

    private static IEnumerable<YamlNode> Steps(YamlNode job) => (job.Get("steps") as YamlSequenceNode)?.Children ?? [];

    /// <summary>Where a scalar value containing <paramref name="text"/> sits, as a path of keys (a step by its name).</summary>
    private static IEnumerable<string> Occurrences(YamlNode node, string text, StringComparison comparison = StringComparison.Ordinal, string at = "")
    {
        switch (node)
        {
            case YamlScalarNode s when (s.Value ?? string.Empty).Contains(text, comparison):
                yield return at;
                break;
            case YamlMappingNode m:
                foreach (var (key, value) in m.Entries())
                {
                    var keyPath = at.Length == 0 ? key : $"{at}/{key}";
                    if (key.Contains(text, comparison))
                    {
                        yield return keyPath;
                    }

                    foreach (var found in Occurrences(value, text, comparison, keyPath))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    foreach (var found in Occurrences(item, text, comparison, $"{at}/{item.Text("name") ?? item.Text("id") ?? "?"}"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
