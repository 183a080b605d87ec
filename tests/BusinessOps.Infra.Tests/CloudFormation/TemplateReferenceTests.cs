using Xunit;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class TemplateReferenceTests
{
    [Fact]
    public void Find_BusinessOpsTemplate_EveryReferenceResolves()
    {
        var template = CfnTemplate.Load();

        var unresolved = Unresolved(template);

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Find_BusinessOpsTemplate_SeesRefGetAttSubAndIf()
    {
        var references = Intrinsics.Find(CfnTemplate.Load());

        Assert.Contains(references, r => r.Kind == ReferenceKind.Value && r.Target == "AgentImageUri");
        Assert.Contains(references, r => r.Kind == ReferenceKind.Attribute && r.Target == "CoordinatorRole");
        Assert.Contains(references, r => r.Kind == ReferenceKind.Value && r.Target == "GitHubOrg");
        Assert.Contains(references, r => r.Kind == ReferenceKind.Condition && r.Target == "CreateOidcProvider");
    }

    [Fact]
    public void Find_UnknownNamesInEveryForm_AllReported()
    {
        const string yaml = """
            Parameters:
              Known: { Type: String, Description: d }
            Conditions:
              IsKnown: !Equals [!Ref Known, x]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Condition: NoSuchCondition
                DependsOn: [NoSuchResource]
                Properties:
                  A: !Ref Missing1
                  B: !GetAtt Missing2.Arn
                  C: !Sub "arn:${AWS::Partition}:s3:::${Missing3}-${Known}-${!Literal}"
                  D: !Sub ["${Local}-${Missing4.Arn}", { Local: x }]
                  E: !If [NoSuchCondition2, !Ref Known, !Ref AWS::NoValue]
                  F: { Ref: Missing5 }
                  G: { "Fn::GetAtt": [Missing6, Arn] }
                  H: !GetAtt [Known, Arn]
            """;

        var unresolved = Unresolved(CfnTemplate.Parse(yaml)).Select(r => r.Target).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["Known", "Missing1", "Missing2", "Missing3", "Missing4", "Missing5", "Missing6", "NoSuchCondition", "NoSuchCondition2", "NoSuchResource"],
            unresolved);
    }

    [Fact]
    public void SubNames_LiteralAndPseudo_ParsedApart()
    {
        var names = Intrinsics.SubNames("${AWS::Region}-${Fn.Arn}-${!NotAReference}-${Plain}").ToList();

        Assert.Equal([("AWS::Region", false), ("Fn", true), ("Plain", false)], names);
    }

    private static List<IntrinsicReference> Unresolved(CfnTemplate template) =>
        [.. Intrinsics.Find(template).Where(r => !Resolves(template, r))];

    private static bool Resolves(CfnTemplate template, IntrinsicReference reference) => reference.Kind switch
    {
        ReferenceKind.Value => template.CanRef(reference.Target),
        ReferenceKind.Attribute or ReferenceKind.DependsOn => template.Resources.ContainsKey(reference.Target),
        ReferenceKind.Condition => template.Conditions.ContainsKey(reference.Target),
        _ => false,
    };
}
