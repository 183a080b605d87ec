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

        Assert.Equal("https://" + GitHubIssuer, provider.Text("Url")!.Replace("${GitHubTokenIssuer}", _template.DefaultOf("GitHubTokenIssuer"), StringComparison.Ordinal));
        Assert.Equal(["sts.amazonaws.com"], provider.Get("ClientIdList").Scalars());
    }

    [Fact]
    public void CoordinatorTrust_WebIdentity_OnlyTheRepositorysDefaultBranch()
    {
        var trust = Assert.Single(IamPolicies.Trust(_template, "CoordinatorRole"));
        var condition = trust.Node.Map("Condition")!;

        Assert.Equal("Allow", trust.Effect);
        Assert.Equal(["sts:AssumeRoleWithWebIdentity"], trust.Actions);
        Assert.Equal(["StringEquals"], condition.Entries().Select(e => e.Key));
        Assert.Equal("sts.amazonaws.com", condition.Map("StringEquals")!.Text(GitHubIssuer + ":aud"));

        // Exact match, no wildcard: another branch, a tag or a pull request gets a different subject and is refused.
        Assert.Equal("repo:${GitHubOrg}/${GitHubRepo}:ref:refs/heads/${DefaultBranch}", condition.Map("StringEquals")!.Text(GitHubIssuer + ":sub"));
    }

    [Fact]
    public void CoordinatorTrust_EnterpriseServerIssuer_NamesTheConditionKeysAfterTheIssuer()
    {
        var raw = Assert.Single(IamPolicies.Trust(_template, "CoordinatorRole", keyParameter: null));
        var keys = raw.Node.Map("Condition")!.Map("StringEquals")!.Entries().Select(e => e.Key).ToList();

        Assert.Equal(["${GitHubTokenIssuer}:aud", "${GitHubTokenIssuer}:sub"], keys);
        Assert.Equal("https://${GitHubTokenIssuer}", ((YamlScalarNode)_template.PropertiesOf("GitHubOidcProvider").Get("Url")!).Value);
    }

    [Fact]
    public void CoordinatorTrust_Principal_IsTheGitHubOidcProviderOnly()
    {
        var trust = IamPolicies.Trust(_template, "CoordinatorRole").Single();
        var principal = trust.Node.Map("Principal")!;
        var document = (YamlSequenceNode)_template.PropertiesOf("CoordinatorRole").Get("AssumeRolePolicyDocument")!;
        var provider = ((YamlMappingNode)document.Children[1]).Get("Provider")!;
        var targets = Intrinsics.In(provider).Select(r => r.Target).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["Federated"], principal.Entries().Select(e => e.Key));
        Assert.Equal("${Provider}", principal.Text("Federated"));
        Assert.Contains("GitHubOidcProvider", targets);
        Assert.Contains("OidcProviderArn", targets);
    }

    [Theory]
    [InlineData("AgentFunctionRole", "lambda.amazonaws.com")]
    [InlineData("BatchExecutionRole", "ecs-tasks.amazonaws.com")]
    [InlineData("BatchJobRole", "ecs-tasks.amazonaws.com")]
    public void ServiceRoleTrust_OneService_Only(string role, string service)
    {
        var trust = Assert.Single(IamPolicies.Trust(_template, role));

        Assert.Equal(service, trust.Node.Map("Principal")!.Text("Service"));
        Assert.Equal(["sts:AssumeRole"], trust.Actions);
    }

    [Theory]
    [InlineData("BatchExecutionRole")]
    [InlineData("BatchJobRole")]
    public void BatchTrust_SourceAccount_IsThisAccount(string role)
    {
        var trust = IamPolicies.Trust(_template, role).Single();
        var account = trust.Node.Map("Condition")?.Map("StringEquals")?.Get("aws:SourceAccount");

        Assert.NotNull(account);
        Assert.Equal("AWS::AccountId", Intrinsics.In(account).Single().Target);
    }
}
