using System.Text.Json.Serialization;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Policies.Agents;

/// <summary>
/// Strict binding of the agents' policy files (YAML read as JSON): a misspelt key, a missing field of a list entry or a
/// null where a value belongs is an error with its path, which <see cref="YamlPath"/> turns into a line.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SupportRules))]
[JsonSerializable(typeof(FinanceRules))]
[JsonSerializable(typeof(CustomerSuccessRules))]
[JsonSerializable(typeof(AnalyticsRules))]
[JsonSerializable(typeof(SalesRules))]
[JsonSerializable(typeof(AdvisoryFile))]
[JsonSerializable(typeof(DeliveryRules))]
[JsonSerializable(typeof(OperationsRules))]
[JsonSerializable(typeof(MarketingRules))]
[JsonSerializable(typeof(ManagerRules))]
[JsonSerializable(typeof(LanguageModelPolicy))]
internal sealed partial class AgentRulesJson : JsonSerializerContext;
