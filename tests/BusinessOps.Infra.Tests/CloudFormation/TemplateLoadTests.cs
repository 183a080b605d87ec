using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class TemplateLoadTests
{
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void Load_BusinessOpsTemplate_HasParametersResourcesAndOutputs()
    {
        Assert.Equal("2010-09-09", _template.Root.Text("AWSTemplateFormatVersion"));
        Assert.NotEmpty(_template.Parameters);
        Assert.NotEmpty(_template.Resources);
        Assert.NotEmpty(_template.Outputs);
    }

    [Fact]
    public void Load_ShortFormTags_KeptOnTheNodes()
    {
        var tags = Intrinsics.Tags(_template.Root).ToList();

        Assert.Contains("!Ref", tags);
        Assert.Contains("!Sub", tags);
        Assert.Contains("!GetAtt", tags);
    }

    [Fact]
    public void Tags_EveryTagInTemplate_IsACloudFormationShortForm()
    {
        var unknown = Intrinsics.Tags(_template.Root).Where(t => !Intrinsics.ShortForms.Contains(t)).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Resources_EveryResource_HasAnAwsType()
    {
        var untyped = _template.Resources
            .Where(r => r.Value.Text("Type") is not { } type || !type.StartsWith("AWS::", StringComparison.Ordinal))
            .Select(r => r.Key)
            .ToList();

        Assert.Empty(untyped);
    }

    [Theory]
    [InlineData("AWS::Lambda::Function")]
    [InlineData("AWS::Batch::ComputeEnvironment")]
    [InlineData("AWS::Batch::JobQueue")]
    [InlineData("AWS::Batch::SchedulingPolicy")]
    [InlineData("AWS::Batch::JobDefinition")]
    [InlineData("AWS::IAM::OIDCProvider")]
    [InlineData("AWS::SQS::Queue")]
    [InlineData("AWS::SQS::QueuePolicy")]
    [InlineData("AWS::Logs::LogGroup")]
    public void Resources_RequiredKind_IsDeclared(string type)
    {
        Assert.NotEmpty(_template.ResourcesOfType(type));
    }
}
