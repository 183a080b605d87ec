using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class LogGroupTests
{
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void LogGroups_Every_HasRetention()
    {
        var groups = _template.ResourcesOfType("AWS::Logs::LogGroup").ToList();

        var unbounded = groups.Where(g => g.Value.Map("Properties")?.Get("RetentionInDays") is null).Select(g => g.Key).ToList();

        Assert.NotEmpty(groups);
        Assert.Empty(unbounded);
    }

    [Fact]
    public void AgentFunction_Logs_GoToTheTemplatesLogGroup()
    {
        var logGroup = _template.PropertiesOf("AgentFunction").Map("LoggingConfig")?.Get("LogGroup");

        Assert.NotNull(logGroup);
        Assert.Equal("LambdaLogGroup", Intrinsics.In(logGroup).Single().Target);
    }

    [Fact]
    public void JobDefinition_Logs_GoToTheTemplatesLogGroup()
    {
        var log = _template.PropertiesOf("JobDefinition").Map("ContainerProperties")!.Map("LogConfiguration")!;

        Assert.Equal("awslogs", log.Text("LogDriver"));
        Assert.Equal("BatchLogGroup", Intrinsics.In(log.Map("Options")!.Get("awslogs-group")!).Single().Target);
    }
}
