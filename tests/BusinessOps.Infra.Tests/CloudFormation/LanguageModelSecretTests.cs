using BusinessOps.Aws.Secrets;
using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>
/// The optional language model on AWS: the key is a Secrets Manager secret the stack names by ARN, never a value that
/// passes through CloudFormation; Batch gets it through the job definition's Secrets, Lambda reads it at cold start;
/// only the roles that read it may, and only that one secret; without the parameter the stack is as before.
/// </summary>
public sealed class LanguageModelSecretTests
{
    private const string SecretParameter = "LanguageModelApiKeySecretArn";
    private const string UrlParameter = "LanguageModelBaseUrl";
    private const string KmsParameter = "LanguageModelKmsKeyArn";
    private const string BaseUrlVariable = "OPENAI_BASE_URL";

    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void Parameters_SecretArnAndUrl_OptionalWithDefaultsThatSwitchNothingOn()
    {
        Assert.Equal(string.Empty, _template.DefaultOf(SecretParameter));
        Assert.Equal(string.Empty, _template.DefaultOf(KmsParameter));
        Assert.Equal("https://api.openai.com/v1", _template.DefaultOf(UrlParameter));
        var condition = (YamlSequenceNode)_template.Conditions["UseLanguageModel"];
        Assert.Equal("!Not", condition.TagOf());
        Assert.Contains(SecretParameter, ConditionalNodes.Scalars(condition));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:businessops/openai-api-key-AbCdEf", true)]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:businessops/openai-api-key", false)]
    [InlineData("businessops/openai-api-key", false)]
    [InlineData("sk-proj-0123456789abcdef", false)]
    public void SecretParameter_AllowedPattern_OnlyAFullSecretArnOrNothing(string value, bool allowed)
    {
        // A full ARN, because IAM matches the suffixed ARN and ECS resolves ValueFrom by it; and never the key itself.
        var pattern = _template.Parameters[SecretParameter].Text("AllowedPattern")!;

        Assert.Equal(allowed, System.Text.RegularExpressions.Regex.IsMatch(value, pattern));
    }

    [Fact]
    public void Template_NoParameterOrPropertyCarriesTheKeyValue()
    {
        var text = RepositoryFiles.Read("infra/businessops.yml");

        // No dynamic reference (its resolved value would sit in plain text in the resource), no parameter for the key itself.
        Assert.DoesNotContain("{{resolve:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_template.Parameters, p => p.Key.Contains("ApiKey", StringComparison.Ordinal) && p.Key != SecretParameter);
        Assert.DoesNotContain(LanguageModelKey.ApiKeyVariable + ":", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JobDefinition_WithTheSecret_InjectsTheKeyByValueFromAndTheUrlAsPlainEnvironment()
    {
        var container = Resolved("JobDefinition", on: true).Map("ContainerProperties")!;

        var secret = Assert.Single(((YamlSequenceNode)container.Get("Secrets")!).Children.Cast<YamlMappingNode>());
        Assert.Equal(LanguageModelKey.ApiKeyVariable, secret.Text("Name"));
        Assert.Equal(SecretParameter, Intrinsics.In(secret.Get("ValueFrom")!).Single().Target);
        var environment = Variables(container.Get("Environment")!);
        Assert.Equal(UrlParameter, Intrinsics.In(environment[BaseUrlVariable]).Single().Target);
        Assert.DoesNotContain(LanguageModelKey.ApiKeyVariable, environment.Keys);
    }

    [Fact]
    public void AgentFunction_WithTheSecret_GetsItsArnAndTheUrlNeverTheKey()
    {
        var variables = Resolved("AgentFunction", on: true).Map("Environment")!.Map("Variables")!;

        Assert.Equal(SecretParameter, Intrinsics.In(variables.Get(LanguageModelKey.SecretArnVariable)!).Single().Target);
        Assert.Equal(UrlParameter, Intrinsics.In(variables.Get(BaseUrlVariable)!).Single().Target);
        Assert.Null(variables.Get(LanguageModelKey.ApiKeyVariable));
        Assert.Equal("/tmp", variables.Text("HOME"));
    }

    [Fact]
    public void ReadSecret_OnlyTheFunctionRoleAndTheTaskExecutionRole_OnlyThatOneSecret_OnlyWithTheCondition()
    {
        var reads = IamPolicies.Permissions(_template).Where(s => s.Actions.Contains("secretsmanager:GetSecretValue")).ToList();

        // The execution role, not the job role: ECS resolves Secrets before the container starts, so the agent process in
        // a Batch job can never read the secret (or any other) itself.
        Assert.Equal(["AgentFunctionRole", "BatchExecutionRole"], reads.Select(s => s.Resource).Order(StringComparer.Ordinal));
        Assert.All(reads, s =>
        {
            Assert.Equal("UseLanguageModel", s.Condition);
            Assert.Equal(["secretsmanager:GetSecretValue"], s.Actions);
            Assert.Equal(SecretParameter, Intrinsics.In(s.Node.Get("Resource")!).Single().Target);
            Assert.IsType<YamlScalarNode>(s.Node.Get("Resource"));
        });
    }

    [Fact]
    public void Decrypt_OnlyWithACustomerKey_OnlyThatKey_OnlyThroughSecretsManager()
    {
        var decrypts = IamPolicies.Permissions(_template).Where(s => s.Actions.Contains("kms:Decrypt")).ToList();

        Assert.Equal(["AgentFunctionRole", "BatchExecutionRole"], decrypts.Select(s => s.Resource).Order(StringComparer.Ordinal));
        Assert.All(decrypts, s =>
        {
            Assert.Equal("DecryptLanguageModelKey", s.Condition);
            Assert.Equal(KmsParameter, Intrinsics.In(s.Node.Get("Resource")!).Single().Target);
            var via = s.Node.Map("Condition")!.Map("StringEquals")!.Get("kms:ViaService")!;
            Assert.Contains("secretsmanager.${AWS::Region}.amazonaws.com", ConditionalNodes.Scalars(via));
        });
    }

    [Fact]
    public void WithoutTheSecret_NoResourceMentionsTheLanguageModel()
    {
        // What CloudFormation deploys with the defaults: the conditions false, every !If on its else branch.
        foreach (var (id, resource) in _template.Resources)
        {
            var deployed = ConditionalNodes.Resolve(resource, _ => false)!;
            var scalars = ConditionalNodes.Scalars(deployed).ToList();

            Assert.DoesNotContain(scalars, v => v.Contains("LanguageModel", StringComparison.Ordinal) || v.StartsWith("OPENAI_", StringComparison.Ordinal));
            Assert.DoesNotContain(scalars, v => v.StartsWith("secretsmanager:", StringComparison.Ordinal) || v.StartsWith("kms:", StringComparison.Ordinal));
            Assert.DoesNotContain("Secrets", deployed.AllNodes.OfType<YamlMappingNode>().SelectMany(m => m.Entries()).Select(e => e.Key));
            Assert.True(deployed is YamlMappingNode, id);
        }
    }

    [Fact]
    public void WithoutTheSecret_FunctionEnvironmentIsExactlyTheTwoVariablesItHadBefore()
    {
        var variables = Resolved("AgentFunction", on: false).Map("Environment")!.Map("Variables")!;

        Assert.Equal(["DOTNET_CLI_TELEMETRY_OPTOUT", "HOME"], variables.Entries().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeployScript_ModelOptions_MapToTheTemplateParameters()
    {
        var script = RepositoryFiles.Read("infra/deploy.sh");

        Assert.Contains($"\"{SecretParameter}=$model_secret\"", script, StringComparison.Ordinal);
        Assert.Contains($"\"{UrlParameter}=$model_url\"", script, StringComparison.Ordinal);
        Assert.Contains($"\"{KmsParameter}=$model_kms\"", script, StringComparison.Ordinal);
    }

    private YamlMappingNode Resolved(string logicalId, bool on) =>
        (YamlMappingNode)ConditionalNodes.Resolve(_template.PropertiesOf(logicalId), _ => on)!;

    private static Dictionary<string, YamlNode> Variables(YamlNode list) =>
        ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>().ToDictionary(v => v.Text("Name")!, v => v.Get("Value")!, StringComparer.Ordinal);
}
