using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class OidcTrustTests
{
    private const string GitHubIssuer = "token.actions.githubusercontent.com";
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void OidcProvider_GitHubIssuer_AudienceIsSts()
    {
        var provider = _template.PropertiesOf(_template.ResourcesOfType("AWS::IAM::OIDCProvider").Single().Key);

        Assert.Equal("https://" + GitHubIssuer, provider.Text("Url"));
        Assert.Equal(["sts.amazonaws.com"], provider.Get("ClientIdList").Scalars());
    }

    [Fact]
    public void CoordinatorTrust_WebIdentity_RestrictedToTheRepository()
    {
        var trust = Assert.Single(IamPolicies.Trust(_template, "CoordinatorRole"));
        var condition = trust.Node.Map("Condition")!;
        var sub = condition.Map("StringLike")!.Get(GitHubIssuer + ":sub") as YamlScalarNode;

        Assert.Equal("Allow", trust.Effect);
        Assert.Equal(["sts:AssumeRoleWithWebIdentity"], trust.Actions);
        Assert.Equal("sts.amazonaws.com", condition.Map("StringEquals")!.Text(GitHubIssuer + ":aud"));
        Assert.NotNull(sub);
        Assert.Equal("!Sub", sub.TagOf());
        Assert.Equal("repo:${GitHubOrg}/${GitHubRepo}:*", sub.Value);
    }

    [Fact]
    public void CoordinatorTrust_Principal_IsTheGitHubOidcProviderOnly()
    {
        var trust = IamPolicies.Trust(_template, "CoordinatorRole").Single();
        var principal = trust.Node.Map("Principal")!;
        var targets = Intrinsics.In(principal).Select(r => r.Target).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["Federated"], principal.Entries().Select(e => e.Key));
        Assert.Contains("GitHubOidcProvider", targets);
        Assert.Contains("OidcProviderArn", targets);
    }

    [Theory]
    [InlineData("AgentFunctionRole", "lambda.amazonaws.com")]
    [InlineData("BatchExecutionRole", "ecs-tasks.amazonaws.com")]
    public void ServiceRoleTrust_OneService_Only(string role, string service)
    {
        var trust = Assert.Single(IamPolicies.Trust(_template, role));

        Assert.Equal(service, trust.Node.Map("Principal")!.Text("Service"));
        Assert.Equal(["sts:AssumeRole"], trust.Actions);
    }

    [Fact]
    public void BatchExecutionTrust_SourceAccount_IsThisAccount()
    {
        var trust = IamPolicies.Trust(_template, "BatchExecutionRole").Single();
        var account = trust.Node.Map("Condition")?.Map("StringEquals")?.Get("aws:SourceAccount");

        Assert.NotNull(account);
        Assert.Equal("AWS::AccountId", Intrinsics.In(account).Single().Target);
    }
}
