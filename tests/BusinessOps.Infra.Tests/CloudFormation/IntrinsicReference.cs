namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>What an intrinsic function refers to, and where (a dotted path for the failure message).</summary>
public sealed record IntrinsicReference(ReferenceKind Kind, string Target, string Path);

/// <summary>What a reference must resolve to.</summary>
public enum ReferenceKind
{
    /// <summary><c>!Ref</c> or <c>${Name}</c> in <c>!Sub</c>: a parameter, resource or pseudo parameter.</summary>
    Value,

    /// <summary><c>!GetAtt</c> or <c>${Name.Attribute}</c> in <c>!Sub</c>: a resource.</summary>
    Attribute,

    /// <summary><c>!If</c>, <c>!Condition</c> and a resource's <c>Condition</c>: a condition.</summary>
    Condition,

    /// <summary>A resource's <c>DependsOn</c>: a resource.</summary>
    DependsOn,
}
