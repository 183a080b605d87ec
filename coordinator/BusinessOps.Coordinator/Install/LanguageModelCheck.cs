using BusinessOps.Aws.Secrets;
using BusinessOps.Core.Agents;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// <c>coordinator doctor</c>'s line for the optional language model, from configuration alone (no call to the endpoint,
/// none to AWS): when <c>policies/language-model.yml</c> names a model, will the agents have an endpoint and a key? Locally
/// they inherit <c>OPENAI_BASE_URL</c> and <c>OPENAI_API_KEY</c> from the coordinator; on AWS the stack gives them the key
/// from a Secrets Manager secret, which <c>infra/deploy.sh</c> asks to record in <see cref="AgentSecretVariable"/>.
/// Without a model named there is no line: nothing is configured, nothing changes.
/// </summary>
internal static class LanguageModelCheck
{
    public const string Name = "language model";

    /// <summary>The repository variable naming the secret the stack was deployed with (<c>--model-key-secret</c>).</summary>
    public const string AgentSecretVariable = "BUSINESSOPS_AGENT_MODEL_SECRET_ARN";

    private const string BaseUrlVariable = "OPENAI_BASE_URL";

    public static DoctorCheck? For(LanguageModelPolicy policy, string executor, IReadOnlyDictionary<string, string?> env)
    {
        if (policy.Model is not { Length: > 0 } model)
        {
            return null;
        }

        if (executor == "aws")
        {
            return Has(env, AgentSecretVariable) is { } arn
                ? DoctorCheck.Ok(Name, $"{model}: the agents on AWS read the key from {arn}")
                : DoctorCheck.Warn(
                    Name,
                    $"policies/language-model.yml names {model}, but no key is configured for the agents on AWS ({AgentSecretVariable} is not set): they write the standard wording",
                    "store the key in Secrets Manager (aws secretsmanager create-secret --name businessops/openai-api-key --secret-string file://key.txt), "
                    + "re-deploy with infra/deploy.sh … --model-key-secret SECRET_ARN [--model-url URL], then set the repository variable "
                    + $"{AgentSecretVariable} to that ARN (docs/AWS.md, Optional language model)");
        }

        var missing = new[] { BaseUrlVariable, LanguageModelKey.ApiKeyVariable }.Where(v => Has(env, v) is null).ToList();
        return missing.Count == 0
            ? DoctorCheck.Ok(Name, $"{model} through {env[BaseUrlVariable]}")
            : DoctorCheck.Warn(
                Name,
                $"policies/language-model.yml names {model}, but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set: the agents write the standard wording",
                $"set {string.Join(" and ", missing)} in the coordinator's environment: the agents it starts inherit them");
    }

    private static string? Has(IReadOnlyDictionary<string, string?> env, string name) =>
        env.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
