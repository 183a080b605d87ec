using BusinessOps.Agents.Hosting;
using BusinessOps.Aws.Secrets;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.Agents.Prose;

/// <summary>
/// The language model an agent process drafts with, decided once when it starts (on Lambda: the init phase, before the
/// Runtime API loop). <c>OPENAI_BASE_URL</c> with the key from <see cref="LanguageModelKey"/>: the environment's
/// <c>OPENAI_API_KEY</c>, or on Lambda the secret the stack names. A key that cannot be read is logged (without
/// the key) and the agents write the standard wording; a key that was read is added to the log masker.
/// </summary>
public static class LanguageModelSetup
{
    /// <summary>The drafter for the process environment.</summary>
    public static Task<ProseDrafter> FromProcessAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        DrafterAsync(ProcessEnvironment.Snapshot(), clock, cancellationToken);

    /// <summary>The drafter for <paramref name="env"/>; Secrets Manager is called only when the key is to be read from it.</summary>
    public static async Task<ProseDrafter> DrafterAsync(IReadOnlyDictionary<string, string?> env, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        var key = env.GetValueOrDefault(LanguageModelKey.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(env.GetValueOrDefault(LanguageModelKey.SecretArnVariable)))
        {
            // Only on Lambda with the stack's secret: a local or Batch agent has the key in its environment, or none.
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var lookup = await LanguageModelKey.ResolveAsync(env, http, clock, cancellationToken).ConfigureAwait(false);
            key = lookup.ApiKey;
            SecretMasker.Process.Add(key);
            if (lookup.Problem is { } problem)
            {
                AgentLog.Write("language model: " + problem + "; the agents write the standard wording");
            }
        }

        return new ProseDrafter(LanguageModelEndpoint.From(env.GetValueOrDefault(LanguageModelEndpoint.BaseUrlVariable), key));
    }
}
