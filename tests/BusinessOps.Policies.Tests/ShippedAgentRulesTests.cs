using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Policies.Agents;

namespace BusinessOps.Policies.Tests;

/// <summary>The shipped agent files are exactly the built-in rules, written out (so a business edits what runs).</summary>
public sealed class ShippedAgentRulesTests
{
    public static TheoryData<string> Files => [.. AgentFileNames.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_AgentFile_EqualsTheBuiltInRules(string file)
    {
        var path = Path.Combine(Load.ShippedDirectory(), file);
        if (Environment.GetEnvironmentVariable("BUSINESSOPS_WRITE_AGENT_DEFAULTS") is { Length: > 0 } dump)
        {
            File.WriteAllText(Path.Combine(dump, file + ".json"), Json(AgentRules.Default, LanguageModelPolicy.Off, file));
            return;
        }

        var loaded = PolicyLoader.Load(Load.ShippedDirectory());

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Assert.True(File.Exists(path), file + " is not shipped");
        var book = loaded.Policies!.Agents;
        Assert.Equal(Json(AgentRules.Default, LanguageModelPolicy.Off, file), Json(book.Rules, book.LanguageModel, file));
    }

    private static string Json(AgentRules rules, LanguageModelPolicy model, string file)
    {
        var json = AgentRulesJson.Default;
        return file switch
        {
            AgentFileNames.Support => Write(rules.Support!, json.SupportRules),
            AgentFileNames.Finance => Write(rules.Finance!, json.FinanceRules),
            AgentFileNames.CustomerSuccess => Write(rules.CustomerSuccess!, json.CustomerSuccessRules),
            AgentFileNames.Analytics => Write(rules.Analytics!, json.AnalyticsRules),
            AgentFileNames.Pricing => Write(rules.Sales!, json.SalesRules),
            AgentFileNames.Advisories => Write(new AdvisoryFile(rules.Advisories!), json.AdvisoryFile),
            AgentFileNames.Delivery => Write(rules.Delivery!, json.DeliveryRules),
            AgentFileNames.Operations => Write(rules.Operations!, json.OperationsRules),
            AgentFileNames.Marketing => Write(rules.Marketing!, json.MarketingRules),
            AgentFileNames.Manager => Write(rules.Manager!, json.ManagerRules),
            _ => Write(model, json.LanguageModelPolicy),
        };
    }

    private static string Write<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);
}
