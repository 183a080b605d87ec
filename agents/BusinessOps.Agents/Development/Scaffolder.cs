using System.Text.RegularExpressions;
using BusinessOps.Agents.Sdk.Forms;
using Scriban;
using Scriban.Runtime;

namespace BusinessOps.Agents.Development;

/// <summary>
/// Renders the scaffold of a new agent (class, executable project, Program), workflow or policy file from the built-in
/// Scriban templates (<see cref="ScaffoldTemplates"/>). The name is checked (kebab-case), the feature text escaped per
/// file type; the templates see data only, with bounded loops.
/// </summary>
internal static partial class Scaffolder
{
    public const string Field = "Scaffold";
    public const string NameField = "Scaffold name";
    public static readonly string[] Kinds = ["none", "agent", "workflow", "policy"];

    public static IReadOnlyList<ScaffoldFile> Render(string kind, string name, string feature)
    {
        var model = new ScriptObject
        {
            ["name"] = name,
            ["pascal"] = Pascal(name),
            ["title_xml"] = System.Security.SecurityElement.Escape(OneLine(feature)),
            ["title_comment"] = OneLine(feature),
            ["title_yaml"] = "'" + OneLine(feature).Replace("'", "''", StringComparison.Ordinal) + "'",
            ["description_yaml"] = "'Design, build, test and ship: " + OneLine(feature).Replace("'", "''", StringComparison.Ordinal) + "'",
        };
        var pascal = Pascal(name);
        return kind switch
        {
            "agent" =>
            [
                new($"agents/BusinessOps.Agents/{pascal}/{pascal}Agent.cs", Apply(ScaffoldTemplates.AgentClass, model)),
                new($"agents/ai-{name}-agent/ai-{name}-agent.csproj", Apply(ScaffoldTemplates.AgentProject, model)),
                new($"agents/ai-{name}-agent/Program.cs", Apply(ScaffoldTemplates.AgentProgram, model)),
            ],
            "workflow" => [new($"policies/workflows/{name}.yml", Apply(ScaffoldTemplates.Workflow, model))],
            "policy" => [new($"policies/{name}.yml", Apply(ScaffoldTemplates.Policy, model))],
            _ => [],
        };
    }

    /// <summary>The scaffold the form asks for: its kind (null for none) and name.</summary>
    public static (string? Kind, string Name) Read(IssueForm form)
    {
        var kind = form.OptionalChoice(Field, Kinds);
        // Read either way: the form always offers the name, and a name left filled in beside "none" asks for nothing.
        _ = form.Optional(NameField);
        if (kind is null or "none")
        {
            return (null, string.Empty);
        }

        var name = form.Required(NameField, "a kebab-case name for the scaffold, e.g. inventory or stock-alerts").Trim();
        return name.Length is >= 2 and <= 40 && NamePattern().IsMatch(name) && !name.EndsWith("-agent", StringComparison.Ordinal)
            ? (kind, name)
            : throw IssueForm.Invalid(NameField, "a kebab-case name of 2 to 40 lower-case letters, digits and single hyphens, starting with a letter (no `-agent` suffix)", name);
    }

    internal static string Pascal(string name) => string.Concat(name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Apply(string text, ScriptObject model)
    {
        var template = Template.Parse(text);
        var context = new TemplateContext { LoopLimit = 1_000, StrictVariables = true };
        context.PushGlobal(model);
        return template.Render(context).ReplaceLineEndings("\n");
    }

    private static string OneLine(string text)
    {
        var one = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return one.Length <= 120 ? one : one[..119] + "…";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamePattern();
}
