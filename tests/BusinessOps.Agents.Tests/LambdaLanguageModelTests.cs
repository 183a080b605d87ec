using System.Reflection;
using System.Text;
using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Support;
using BusinessOps.Aws.Lambda;
using BusinessOps.Aws.Secrets;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// The optional language model on AWS Lambda, end to end on loopback: the key read at cold start from (fake) Secrets
/// Manager with the function's credentials, the event the coordinator's executor builds (policy in its context), the
/// Runtime API loop, and the (fake) OpenAI-compatible endpoint at OPENAI_BASE_URL.
/// </summary>
public sealed class LambdaLanguageModelTests(FakeOpenAiServer model) : IClassFixture<FakeOpenAiServer>
{
    private const string Key = "sk-lambda-from-secrets-manager";

    [Fact]
    public async Task Lambda_KeyInTheStacksSecret_AnswerDraftedThroughTheModelWithThatKey()
    {
        await using var aws = await FakeAwsServer.StartAsync();
        var env = LambdaEnvironment(aws);
        var before = model.Requests;

        var drafter = await LanguageModelSetup.DrafterAsync(env, TimeProvider.System, CancellationToken.None);
        var result = await RunOnLambdaAsync(drafter);

        Assert.Equal(model.Reply, result.GetProperty("outputs").GetProperty("answer").GetString());
        Assert.True(result.GetProperty("outputs").GetProperty("answerFromModel").GetBoolean());
        Assert.Equal(before + 1, model.Requests);
        Assert.Equal("Bearer " + Key, model.LastAuthorization);
        Assert.Equal(1, aws.CallCount("GetSecretValue"));
    }

    [Fact]
    public async Task Lambda_SecretUnreadable_StandardAnswerAndTheModelNeverCalled()
    {
        await using var aws = await FakeAwsServer.StartAsync();
        var env = LambdaEnvironment(aws);
        aws.Fail("GetSecretValue", FakeAwsFault.AccessDenied);
        var before = model.Requests;

        var drafter = await LanguageModelSetup.DrafterAsync(env, TimeProvider.System, CancellationToken.None);
        var result = await RunOnLambdaAsync(drafter);

        Assert.Equal("completed", result.GetProperty("outcome").GetString());
        Assert.False(result.GetProperty("outputs").GetProperty("answerFromModel").GetBoolean());
        Assert.StartsWith("If your card was charged twice", result.GetProperty("outputs").GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, model.Requests);
    }

    [Fact]
    public async Task AiAgentsProcess_OnTheLambdaRuntime_ReadsTheSecretAtColdStartAndDrafts()
    {
        // The image's Lambda command as a real process: its composition root reads the key in the init phase.
        await using var aws = await FakeAwsServer.StartAsync();
        var env = LambdaEnvironment(aws).Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);
        env[LanguageModelKey.ApiKeyVariable] = string.Empty; // whatever the test runner's environment holds
        var dll = typeof(LambdaLanguageModelTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AiAgentsDll").Value!;

        var run = await LambdaColdStartScenario.MeasureAsync("dotnet", [dll], Payload(), runs: 1, env, TimeSpan.FromSeconds(60));

        Assert.False(run.LastOutcome.IsError, run.LastOutcome.Body);
        var result = JsonDocument.Parse(run.LastOutcome.Body).RootElement;
        Assert.True(result.GetProperty("outputs").GetProperty("answerFromModel").GetBoolean(), run.LastOutcome.Body);
        Assert.Equal("Bearer " + Key, model.LastAuthorization);
        Assert.Equal(1, aws.CallCount("GetSecretValue"));
        Assert.DoesNotContain(Key, run.LastOutcome.Body, StringComparison.Ordinal);
    }

    // What the stack gives the function: its role's keys, OPENAI_BASE_URL and the secret's ARN (never the key itself).
    private Dictionary<string, string?> LambdaEnvironment(FakeAwsServer aws)
    {
        var env = aws.Environment();
        env[LanguageModelKey.SecretArnVariable] = aws.PutSecret("businessops/openai-api-key", Key);
        env[LanguageModelEndpoint.BaseUrlVariable] = model.BaseUrl;
        return env;
    }

    private static async Task<JsonElement> RunOnLambdaAsync(ProseDrafter drafter)
    {
        await using var runtime = await FakeLambdaRuntimeApi.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = runtime.Enqueue(Payload(), DateTimeOffset.UtcNow.AddMinutes(1));
        var loop = AgentHost.RunLambdaAsync([new SupportAgent(drafter)], runtime.RuntimeApi, null, TimeProvider.System, cts.Token);
        var outcome = await runtime.OutcomeAsync(id).WaitAsync(cts.Token);
        await cts.CancelAsync();
        await loop;

        Assert.False(outcome.IsError, outcome.Body);
        return JsonDocument.Parse(outcome.Body).RootElement.Clone();
    }

    // The event the coordinator's LambdaExecutor sends (the shared builder), the policy in its context.
    private static string Payload()
    {
        var context = new DispatchContext
        {
            Policies = new AgentPolicies
            {
                Knowledge = [new("knowledge/refunds.md", "Refunds for duplicate charges", "# Refunds for duplicate charges\n\nIf your card was charged twice, we refund the duplicate charge within 5 business days. No action is needed.")],
                LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = 10 },
            },
        };
        var issue = Agents.Issue(FormBody.Of(("Description", "My card was charged twice, please refund the duplicate charge.")), title: "Charged twice");
        var request = new DispatchRequest("acme/ops#7/a1/plan", AgentNames.Support, "acme/ops", issue, 1, "plan", Priority.P0, null, context);
        return Encoding.UTF8.GetString(LambdaEvent.Build(request, 256 * 1024)!);
    }
}
