using System.Globalization;
using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>A job may carry a set of issues (dispatch.yml <c>batch</c>): the stack must give it the time and the per-issue limit.</summary>
public sealed class BatchSetsWiringTests
{
    private const int DocumentedExample = 10;

    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void JobDefinition_IssueTimeout_ReachesTheEntrypointFromItsParameter()
    {
        var container = _template.PropertiesOf("JobDefinition").Map("ContainerProperties")!;
        var environment = ((YamlSequenceNode)ConditionalNodes.Resolve(container.Get("Environment")!, _ => false)!).Children.ToDictionary(e => e.Text("Name")!, e => e.Get("Value")!);

        Assert.Equal("BatchIssueTimeoutSeconds", Intrinsics.In(environment["BUSINESSOPS_ISSUE_TIMEOUT_SECONDS"]).Single().Target);
        Assert.Contains("BUSINESSOPS_ISSUE_TIMEOUT_SECONDS", RepositoryFiles.Read("infra/agent-entrypoint.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void JobTimeoutDefault_CoversTheDocumentedAndShippedSetsAtTheIssueTimeout()
    {
        var jobTimeout = int.Parse(_template.DefaultOf("BatchJobTimeoutSeconds")!, CultureInfo.InvariantCulture);
        var issueTimeout = int.Parse(_template.DefaultOf("BatchIssueTimeoutSeconds")!, CultureInfo.InvariantCulture);

        // The example dispatch.yml and docs/AWS.md give (10 issues), and whatever the shipped file sets.
        var largest = ShippedMaxIssues().Append(DocumentedExample).Max();

        Assert.Contains($"maxIssues: {DocumentedExample}", RepositoryFiles.Read("policies/dispatch.yml"), StringComparison.Ordinal);
        Assert.True(largest * issueTimeout <= jobTimeout, $"a set of {largest} at {issueTimeout} s each needs {largest * issueTimeout} s; the job timeout default is {jobTimeout} s");
    }

    [Fact]
    public void CoordinatorRole_CanListAndDescribeJobs_WhatFindsAKeyInItsSet()
    {
        var actions = IamPolicies.Permissions(_template).Where(s => s.Resource == "CoordinatorRole").SelectMany(s => s.Actions).ToList();

        Assert.Contains("batch:ListJobs", actions);
        Assert.Contains("batch:DescribeJobs", actions);
    }

    /// <summary>Every maxIssues in the shipped dispatch.yml: the top-level batch and each priority's.</summary>
    private static IEnumerable<int> ShippedMaxIssues()
    {
        var dispatch = Yaml.Load("policies/dispatch.yml");
        List<YamlNode?> blocks = [dispatch.Get("batch")];
        blocks.AddRange(((YamlMappingNode)dispatch.Get("priorities")!).Children.Values.Select(p => p.Get("batch")));
        return blocks.OfType<YamlNode>().Select(b => int.Parse(b.Text("maxIssues")!, CultureInfo.InvariantCulture)).Append(1);
    }
}
