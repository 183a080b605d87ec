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

    /// <summary>The trust statements of one role.</summary>
    public static IReadOnlyList<IamStatement> Trust(CfnTemplate template, string roleId)
    {
        var statements = new List<IamStatement>();
        Add(statements, roleId, "AssumeRolePolicyDocument", template.PropertiesOf(roleId).Get("AssumeRolePolicyDocument"));
        return statements;
    }

    private static void Add(List<IamStatement> into, string resource, string policy, YamlNode? document)
    {
        switch (document?.Get("Statement"))
        {
            case YamlSequenceNode seq:
                into.AddRange(seq.Children.OfType<YamlMappingNode>().Select(s => new IamStatement(resource, policy, s)));
                break;
            case YamlMappingNode single:
                into.Add(new IamStatement(resource, policy, single));
                break;
        }
    }
}
