using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using BusinessOps.Core.Agents;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace BusinessOps.Agents.Prose;

/// <summary>
/// Drafts prose (support answers, campaign copy, proposal narrative, decision-brief summaries) with the optional language
/// model through Microsoft.Extensions.AI and its OpenAI adapter. Only when the policy names a model and the endpoint is
/// configured; otherwise, and whenever the endpoint fails, is slow or answers nothing, the deterministic text is kept
/// (with a note when the model was tried). Numbers and decisions never come from here: callers hand it finished facts.
/// </summary>
public sealed class ProseDrafter(LanguageModelEndpoint? endpoint)
{
    /// <summary>No model: every draft is the deterministic text.</summary>
    public static ProseDrafter None { get; } = new(null);

    public async Task<ProseDraft> DraftAsync(LanguageModelPolicy? policy, string instructions, string facts, string deterministic, CancellationToken cancellationToken)
    {
        if (endpoint is null || policy?.Model is not { Length: > 0 } model)
        {
            return new ProseDraft(deterministic, false, null, 0m);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(policy.TimeoutSeconds));
        try
        {
            using var client = Client(model, policy);
            var messages = new List<Microsoft.Extensions.AI.ChatMessage>
            {
                new(ChatRole.System, instructions + " Use only the facts given; do not invent numbers, prices, dates or promises."),
                new(ChatRole.User, facts),
            };
            var response = await client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = policy.MaxOutputTokens, Temperature = 0.2f }, timeout.Token).ConfigureAwait(false);
            var text = response.Text.Trim();
            var cost = Cost(policy, response.Usage);
            return text.Length == 0
                ? new ProseDraft(deterministic, false, "The language model returned no text; the standard wording is used.", cost)
                : new ProseDraft(text, true, null, cost);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fallback(string.Create(CultureInfo.InvariantCulture, $"did not answer within {policy.TimeoutSeconds:0.#} s"), deterministic);
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            return Fallback(Describe(ex), deterministic);
        }
    }

    private static ProseDraft Fallback(string why, string deterministic) =>
        new(deterministic, false, $"The language model {why}; the standard wording is used.", 0m);

    private static string Describe(Exception ex) => ex switch
    {
        ClientResultException { Status: > 0 } c => string.Create(CultureInfo.InvariantCulture, $"answered HTTP {c.Status}"),
        HttpRequestException => "could not be reached",
        _ => "returned an answer that could not be read",
    };

    private static decimal Cost(LanguageModelPolicy policy, UsageDetails? usage) =>
        usage is null ? 0m : decimal.Round(
            ((usage.InputTokenCount ?? 0) * policy.InputUsdPerMillionTokens / 1_000_000m) + ((usage.OutputTokenCount ?? 0) * policy.OutputUsdPerMillionTokens / 1_000_000m), 6);

    private IChatClient Client(string model, LanguageModelPolicy policy)
    {
        // No retries: a failing endpoint falls back at once rather than holding the agent past its timeout.
        var options = new OpenAIClientOptions { Endpoint = endpoint!.BaseUrl, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = TimeSpan.FromSeconds(policy.TimeoutSeconds) };
        return new ChatClient(model, new ApiKeyCredential(endpoint.ApiKey), options).AsIChatClient();
    }
}
