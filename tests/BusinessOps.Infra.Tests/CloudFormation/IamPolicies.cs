using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>Collects every IAM policy statement a template declares: role trust, inline and standalone policies.</summary>
public static class IamPolicies
{
    /// <summary>Permission statements (what a principal may do), not trust policies.</summary>
    public static IReadOnlyList<IamStatement> Permissions(CfnTemplate template)
    {
        var statements = new List<IamStatement>();
        foreach (var (id, resource) in template.Resources)
        {
            var properties = resource.Map("Properties");
            switch (resource.Text("Type"))
            {
                case "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group" when properties?.Get("Policies") is YamlSequenceNode policies:
                    foreach (var policy in policies.Children)
                    {
                        Add(statements, id, policy.Text("PolicyName") ?? "?", policy.Get("PolicyDocument"));
                    }

                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" when properties is not null:
                    Add(statements, id, properties.Text("PolicyName") ?? properties.Text("ManagedPolicyName") ?? id, properties.Get("PolicyDocument"));
                    break;
            }
        }

        return statements;
    }

    /// <summary>
    /// The trust statements of one role. A document written as JSON through <c>!Sub</c> (its condition keys are named
    /// after a parameter) is read with that parameter's default in the keys; other <c>${…}</c> stay as written.
    /// </summary>
    public static IReadOnlyList<IamStatement> Trust(CfnTemplate template, string roleId, string? keyParameter = "GitHubTokenIssuer")
    {
        var statements = new List<IamStatement>();
        var document = template.PropertiesOf(roleId).Get("AssumeRolePolicyDocument");
        var json = document switch
        {
            YamlScalarNode s when s.TagOf() == "!Sub" => s.Value,
            YamlSequenceNode q when q.TagOf() == "!Sub" && q.Children.FirstOrDefault() is YamlScalarNode s => s.Value,
            _ => null,
        };
        if (json is not null)
        {
            var text = keyParameter is null ? json : json.Replace("${" + keyParameter + "}", template.DefaultOf(keyParameter), StringComparison.Ordinal);
            document = Support.Yaml.Parse(text);
        }

        Add(statements, roleId, "AssumeRolePolicyDocument", document);
        return statements;
    }

    private static void Add(List<IamStatement> into, string resource, string policy, YamlNode? document)
    {
        switch (document?.Get("Statement"))
        {
            case YamlSequenceNode seq:
                into.AddRange(seq.Children.OfType<YamlMappingNode>().Select(s => new IamStatement(resource, policy, s)));

                // A statement under a condition (!If [condition, statement, !Ref AWS::NoValue]) is held to the same rules.
                foreach (var conditional in seq.Children.OfType<YamlSequenceNode>().Where(c => c.TagOf() == "!If" && c.Children.Count == 3))
                {
                    var condition = (conditional.Children[0] as YamlScalarNode)?.Value;
                    into.AddRange(conditional.Children.Skip(1).OfType<YamlMappingNode>().Select(s => new IamStatement(resource, policy, s) { Condition = condition }));
                }

                break;
            case YamlMappingNode single:
                into.Add(new IamStatement(resource, policy, single));
                break;
        }
    }
}
