using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>One statement of an IAM policy document in the template, with where it sits.</summary>
public sealed record IamStatement(string Resource, string Policy, YamlMappingNode Node)
{
    /// <summary>The template condition the statement exists under (<c>!If</c>), or null: always.</summary>
    public string? Condition { get; init; }

    public string Effect => Node.Text("Effect") ?? string.Empty;

    public string? Sid => Node.Text("Sid");

    /// <summary>The actions as written; an action given by an intrinsic function appears as its tag.</summary>
    public IReadOnlyList<string> Actions => Values(Node.Get("Action"));

    public IReadOnlyList<string> NotActions => Values(Node.Get("NotAction"));

    /// <summary>Literal resources (ARNs built with <c>!Ref</c>/<c>!Sub</c>/<c>!GetAtt</c> appear as their tag).</summary>
    public IReadOnlyList<string> Resources => Values(Node.Get("Resource"));

    public string Where => Resource + "/" + Policy + (Sid is null ? string.Empty : "/" + Sid);

    private static string[] Values(YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode s when s.TagOf().Length == 0 => [s.Value ?? string.Empty],
        YamlSequenceNode seq when seq.TagOf().Length == 0 => [.. seq.Children.SelectMany(Values)],
        _ => [node.TagOf()],
    };
}
