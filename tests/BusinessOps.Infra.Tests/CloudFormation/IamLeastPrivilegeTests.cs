using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class IamLeastPrivilegeTests
{
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void Permissions_EveryStatement_NamesLiteralActionsWithoutWildcards()
    {
        var statements = IamPolicies.Permissions(_template);

        var violations = statements
            .SelectMany(s => s.Actions.Select(a => (s.Where, Action: a, Why: IamActionRules.Violation(a))))
            .Where(v => v.Why is not null)
            .Select(v => $"{v.Where}: {v.Action} {v.Why}")
            .ToList();

        Assert.NotEmpty(statements);
        Assert.Empty(violations);
    }

    [Fact]
    public void Permissions_EveryStatement_IsAllowWithActionsAndNoNotAction()
    {
        var bad = IamPolicies.Permissions(_template)
            .Where(s => s.Effect != "Allow" || s.Actions.Count == 0 || s.NotActions.Count > 0 || s.Node.Get("NotResource") is not null)
            .Select(s => s.Where)
            .ToList();

        Assert.Empty(bad);
    }

    [Fact]
    public void Permissions_ResourceStar_OnlyForActionsWithoutResourceLevelPermissions()
    {
        var bad = IamPolicies.Permissions(_template)
            .Where(s => s.Resources.Contains("*"))
            .SelectMany(s => s.Actions.Where(a => !IamActionRules.ResourceStarOnly.Contains(a)).Select(a => s.Where + ": " + a))
            .ToList();

        Assert.Empty(bad);
    }

    [Fact]
    public void Roles_NoManagedPolicies_EveryPermissionIsInTheTemplate()
    {
        var withManaged = _template.ResourcesOfType("AWS::IAM::Role")
            .Where(r => r.Value.Map("Properties")?.Get("ManagedPolicyArns") is not null)
            .Select(r => r.Key)
            .ToList();

        Assert.Empty(withManaged);
    }

    [Fact]
    public void CoordinatorRole_Actions_OnlyInvokeSubmitFollowAndReadResults()
    {
        var actions = ActionsOf("CoordinatorRole");

        Assert.Equal(
            [
                "batch:DescribeJobQueues", "batch:DescribeJobs", "batch:ListJobs", "batch:SubmitJob", "batch:TagResource",
                "lambda:GetFunctionEventInvokeConfig", "lambda:InvokeFunction",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
            ],
            actions);
    }

    [Fact]
    public void CoordinatorRole_InvokeAndSubmit_ScopedToTheStacksFunctionQueueAndJobDefinition()
    {
        var statements = IamPolicies.Permissions(_template).Where(s => s.Resource == "CoordinatorRole").ToList();
        var invoke = statements.Single(s => s.Actions.Contains("lambda:InvokeFunction"));
        var submit = statements.Single(s => s.Actions.Contains("batch:SubmitJob"));

        var invokeTargets = Intrinsics.In(invoke.Node.Get("Resource")!).Select(r => r.Target).Distinct().ToList();
        var submitTargets = Intrinsics.In(submit.Node.Get("Resource")!).Select(r => r.Target).ToHashSet(StringComparer.Ordinal);
        var submitText = string.Join(' ', submit.Node.Get("Resource")!.AllNodes.OfType<YamlScalarNode>().Select(n => n.Value));

        Assert.Equal(["AgentFunction"], invokeTargets);
        Assert.Contains("JobQueue", submitTargets);
        Assert.Contains("job-definition/${ResourcePrefix}-agent", submitText, StringComparison.Ordinal);
        Assert.DoesNotContain("*", invoke.Resources);
        Assert.DoesNotContain("*", submit.Resources);
    }

    [Fact]
    public void AgentRoles_Actions_OnlyLogsResultsImagePullAndTheLanguageModelKey()
    {
        string[] allowed =
        [
            "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage",
            "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
            "secretsmanager:GetSecretValue", "kms:Decrypt",
        ];

        var extra = new[] { "AgentFunctionRole", "BatchExecutionRole", "BatchJobRole" }.SelectMany(ActionsOf).Except(allowed).ToList();

        Assert.Empty(extra);
        Assert.DoesNotContain("ecr:BatchGetImage", ActionsOf("AgentFunctionRole"));
        Assert.Equal(["sqs:SendMessage"], ActionsOf("BatchJobRole"));
    }

    [Fact]
    public void AgentRoles_SendResults_OnlyToTheResultsQueue()
    {
        var sends = IamPolicies.Permissions(_template).Where(s => s.Actions.Contains("sqs:SendMessage")).ToList();

        Assert.Equal(["AgentFunctionRole", "BatchJobRole"], sends.Select(s => s.Resource).Order(StringComparer.Ordinal));
        Assert.All(sends, s => Assert.Equal("ResultsQueue", Intrinsics.In(s.Node.Get("Resource")!).Single().Target));
    }

    [Fact]
    public void ResultsQueuePolicy_SendMessage_DeniedToEveryoneButTheAgentRoles()
    {
        var statement = (YamlMappingNode)((YamlSequenceNode)_template.PropertiesOf("ResultsQueuePolicy").Map("PolicyDocument")!.Get("Statement")!).Children.Single();
        var allowed = Intrinsics.In(statement.Map("Condition")!.Map("ArnNotEquals")!.Get("aws:PrincipalArn")!).Select(r => r.Target).Order(StringComparer.Ordinal);

        Assert.Equal("Deny", statement.Text("Effect"));
        Assert.Equal("sqs:SendMessage", statement.Text("Action"));
        Assert.Equal(["AgentFunctionRole", "BatchJobRole"], allowed);
    }

    [Fact]
    public void Template_NoGitHubCredential_AnywhereInTheStack()
    {
        var text = Support.RepositoryFiles.Read("infra/businessops.yml");

        // The one secret the stack knows is the optional language model's key (LanguageModelSecretTests); no GitHub one.
        Assert.All(
            IamPolicies.Permissions(_template).Where(s => s.Actions.Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))),
            s => Assert.Equal("LanguageModelApiKeySecretArn", Intrinsics.In(s.Node.Get("Resource")!).Single().Target));
        Assert.DoesNotContain("GITHUB_TOKEN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GITHUB_APP", text, StringComparison.Ordinal);
        Assert.Empty(_template.ResourcesOfType("AWS::SecretsManager::Secret"));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("batch:*", true)]
    [InlineData("s3:Get*", true)]
    [InlineData("!Ref", true)]
    [InlineData("InvokeFunction", true)]
    [InlineData("lambda:InvokeFunction", false)]
    public void Violation_Action_FlaggedWhenBroad(string action, bool flagged)
    {
        Assert.Equal(flagged, IamActionRules.Violation(action) is not null);
    }

    private List<string> ActionsOf(string role) =>
        [.. IamPolicies.Permissions(_template).Where(s => s.Resource == role).SelectMany(s => s.Actions).Distinct().Order(StringComparer.Ordinal)];
}
