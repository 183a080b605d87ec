using System.Globalization;
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
    [InlineData("ResultsQueueUrl")]
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
    [InlineData("BUSINESSOPS_RESULTS_QUEUE_URL")]
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
    public void JobDefinition_Fargate_ReportsThroughTheResultsQueueWithItsOwnRole()
    {
        var properties = _template.PropertiesOf("JobDefinition");
        var container = properties.Map("ContainerProperties")!;
        var environment = ((YamlSequenceNode)ConditionalNodes.Resolve(container.Get("Environment")!, _ => false)!).Children.ToDictionary(e => e.Text("Name")!, e => e.Get("Value")!);

        Assert.Equal(["FARGATE"], properties.Get("PlatformCapabilities").Scalars());
        Assert.NotNull(properties.Map("Timeout")?.Get("AttemptDurationSeconds"));
        // No secret with the defaults; with the language model's secret only that one (LanguageModelSecretTests).
        Assert.Null(ConditionalNodes.Resolve(container, _ => false)!.Get("Secrets"));
        Assert.Equal("ResultsQueue", Intrinsics.In(environment["BUSINESSOPS_RESULTS_QUEUE_URL"]).Single().Target);
        Assert.Equal("BatchJobRole", Intrinsics.In(container.Get("JobRoleArn")!).Single().Target);
    }

    [Fact]
    public void JobDefinition_RetryStrategy_RetriesSpotInterruptionsWithinBatchsFiveConditions()
    {
        var retry = _template.PropertiesOf("JobDefinition").Map("RetryStrategy")!;
        var conditions = ((YamlSequenceNode)retry.Get("EvaluateOnExit")!).Children;

        Assert.True(conditions.Count <= 5);
        Assert.Contains(conditions, c => c.Text("OnStatusReason") == "Your Spot Task was interrupted*" && c.Text("Action") == "RETRY");
        Assert.Equal(("*", "EXIT"), (conditions[^1].Text("OnReason"), conditions[^1].Text("Action")));
    }

    [Fact]
    public void ComputeEnvironment_Unnamed_SoARedeployCanReplaceIt()
    {
        var properties = _template.PropertiesOf("ComputeEnvironment");

        Assert.Null(properties.Get("ComputeEnvironmentName"));
        Assert.Equal("ComputeEnvironment", Intrinsics.In(_template.PropertiesOf("JobQueue").Get("ComputeEnvironmentOrder")!).Single().Target);
    }

    [Fact]
    public void LambdaEvents_BothDestinations_AreTheResultsQueue()
    {
        var config = _template.PropertiesOf("AgentFunctionEventConfig");
        var destinations = config.Map("DestinationConfig")!;

        Assert.Equal("0", config.Text("MaximumRetryAttempts"));
        foreach (var when in new[] { "OnSuccess", "OnFailure" })
        {
            Assert.Equal("ResultsQueue", Intrinsics.In(destinations.Map(when)!.Get("Destination")!).Single().Target);
        }
    }

    [Fact]
    public void LambdaEventAge_PlusTimeout_StaysBelowTheCoordinatorsSilenceWindow()
    {
        // Decide fails a silent P0 Lambda attempt after 30 minutes and dispatches the next; an event that waited its
        // longest and then ran its longest must have ended (and reported) before that.
        var silence = TimeSpan.FromMinutes(30).TotalSeconds;
        var age = _template.Parameters["LambdaEventMaxAgeSeconds"];
        var timeout = _template.Parameters["LambdaTimeoutSeconds"];

        Assert.Equal("LambdaEventMaxAgeSeconds", Intrinsics.In(_template.PropertiesOf("AgentFunctionEventConfig").Get("MaximumEventAgeInSeconds")!).Single().Target);
        Assert.True(int.Parse(age.Text("MaxValue")!, CultureInfo.InvariantCulture) + int.Parse(timeout.Text("MaxValue")!, CultureInfo.InvariantCulture) < silence);
        Assert.True(int.Parse(age.Text("Default")!, CultureInfo.InvariantCulture) + int.Parse(timeout.Text("Default")!, CultureInfo.InvariantCulture) < silence);
    }

    [Fact]
    public void LambdaReservedConcurrency_Parameter_CapsTheFunctionOnlyWhenSet()
    {
        var reserved = (YamlSequenceNode)_template.PropertiesOf("AgentFunction").Get("ReservedConcurrentExecutions")!;

        Assert.Equal("!If", reserved.TagOf());
        Assert.Equal("ReserveConcurrency", ((YamlScalarNode)reserved.Children[0]).Value);
        Assert.Equal("-1", _template.DefaultOf("LambdaReservedConcurrency"));
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
