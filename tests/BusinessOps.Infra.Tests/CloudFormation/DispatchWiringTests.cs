using System.Text.RegularExpressions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>The stack, deploy.sh and the coordinator's dispatch defaults must name the same things.</summary>
public sealed partial class DispatchWiringTests
{
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void DefaultNames_WithDefaultPrefix_MatchDispatchPolicyDefaults()
    {
        var p0 = DispatchPolicy.Default.For(Priority.P0);
        var p2 = DispatchPolicy.Default.For(Priority.P2);

        Assert.Equal(p0.Function, NameOf("AgentFunction", "FunctionName"));
        Assert.Equal(p2.Queue, NameOf("JobQueue", "JobQueueName"));
        Assert.Equal(p2.JobDefinition, NameOf("JobDefinition", "JobDefinitionName"));
    }

    [Theory]
    [InlineData("CoordinatorRoleArn")]
    [InlineData("Region")]
    [InlineData("AgentFunctionName")]
    [InlineData("BatchJobQueueName")]
    [InlineData("BatchJobDefinitionName")]
    [InlineData("GitHubSecretArn")]
    public void Outputs_WhatTheCoordinatorNeeds_AreDeclared(string output)
    {
        Assert.True(_template.Outputs.ContainsKey(output), output);
        Assert.False(string.IsNullOrWhiteSpace(_template.Outputs[output].Text("Description")));
    }

    [Fact]
    public void DeployScript_OutputsItReads_ExistInTheTemplate()
    {
        var script = RepositoryFiles.Read("infra/deploy.sh");

        var read = OutputCall().Matches(script).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(_template.Outputs.ContainsKey(name), name));
    }

    [Theory]
    [InlineData("set -euo pipefail")]
    [InlineData("cloudformation deploy")]
    [InlineData("--capabilities CAPABILITY_NAMED_IAM")]
    [InlineData("AWS_ROLE_ARN")]
    [InlineData("AWS_REGION")]
    [InlineData("BUSINESSOPS_LAMBDA_FUNCTION")]
    [InlineData("BUSINESSOPS_BATCH_QUEUE")]
    [InlineData("BUSINESSOPS_BATCH_JOB_DEFINITION")]
    public void DeployScript_Contains_WhatTheProcedureNeeds(string text)
    {
        Assert.Contains(text, RepositoryFiles.Read("infra/deploy.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void JobQueue_FairShare_HasTheDefaultShare()
    {
        var policy = _template.PropertiesOf("SchedulingPolicy").Map("FairsharePolicy")!;
        var shares = ((YamlSequenceNode)policy.Get("ShareDistribution")!).Children.Select(s => s.Text("ShareIdentifier")).ToList();

        Assert.Contains("default", shares);
        Assert.Equal("SchedulingPolicy", Intrinsics.In(_template.PropertiesOf("JobQueue").Get("SchedulingPolicyArn")!).Single().Target);
    }

    [Fact]
    public void JobDefinition_Fargate_InjectsTheGitHubCredentialFromTheSecret()
    {
        var properties = _template.PropertiesOf("JobDefinition");
        var container = properties.Map("ContainerProperties")!;
        var secretNames = container.Get("Secrets")!.AllNodes.Select(n => n.Text("Name")).OfType<string>().ToList();

        Assert.Equal(["FARGATE"], properties.Get("PlatformCapabilities").Scalars());
        Assert.NotNull(properties.Map("Timeout")?.Get("AttemptDurationSeconds"));
        Assert.Contains("GITHUB_TOKEN", secretNames);
        Assert.All(Intrinsics.In(container.Get("Secrets")!).Where(r => r.Kind != ReferenceKind.Condition), r => Assert.Equal("GitHubSecret", r.Target));
    }

    private string NameOf(string resource, string property)
    {
        var node = (YamlScalarNode)_template.PropertiesOf(resource).Get(property)!;
        Assert.Equal("!Sub", node.TagOf());
        return node.Value!.Replace("${ResourcePrefix}", _template.DefaultOf("ResourcePrefix"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\boutput ([A-Za-z]+)\)")]
    private static partial Regex OutputCall();
}
