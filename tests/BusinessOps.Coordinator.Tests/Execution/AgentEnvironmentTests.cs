using BusinessOps.Coordinator.Execution;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Execution;

public sealed class AgentEnvironmentTests
{
    [Fact]
    public void Scrub_LanguageModelKeyAndUrl_KeptForTheAgentsEveryOtherCredentialRemoved()
    {
        var env = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-agents",
            ["OPENAI_BASE_URL"] = "https://llm.example/v1",
            ["GITHUB_TOKEN"] = "ghp_x",
            ["STRIPE_API_KEY"] = "sk_live_x",
            ["AWS_SECRET_ACCESS_KEY"] = "aws",
            ["PATH"] = "/usr/bin",
        };

        AgentEnvironment.Scrub(env);

        Assert.Equal(["OPENAI_API_KEY", "OPENAI_BASE_URL", "PATH"], env.Keys.Order(StringComparer.Ordinal));
    }
}
