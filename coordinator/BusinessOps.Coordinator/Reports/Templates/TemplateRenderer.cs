using BusinessOps.Policies;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BusinessOps.Coordinator.Reports.Templates;

/// <summary>
/// Renders the templates of <c>policies/templates/</c> (Scriban, sandboxed: no .NET access, no includes, bounded loops
/// and recursion). The model it is given holds only values already escaped for the output (see
/// <see cref="ReportModel"/>), so a template cannot forget to escape. A template that does not parse or fails while
/// rendering is reported with its file, line and column, and the built-in copy is used: a typo never costs a report.
/// </summary>
public sealed class TemplateRenderer(string? policiesDirectory)
{
    private const int LoopLimit = 20_000;
    private const int RecursiveLimit = 20;
    private readonly List<TemplateProblem> _problems = [];

    /// <summary>What went wrong with the business's templates so far (each also shown once on stderr by the caller).</summary>
    public IReadOnlyList<TemplateProblem> Problems => _problems;

    /// <summary>Renders <paramref name="name"/> with <paramref name="model"/>; the built-in template when the custom one fails.</summary>
    public string Render(string name, ScriptObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = policiesDirectory is null ? null : Path.Combine(policiesDirectory, ReportTemplateNames.Folder, name);
        if (path is not null && File.Exists(path))
        {
            if (TryRender(File.ReadAllText(path), path, model, out var text))
            {
                return text;
            }
        }

        var builtIn = BuiltIn(name);
        if (!TryRender(builtIn, "built-in " + name, model, out var fallback))
        {
            throw new InvalidOperationException($"The built-in template {name} failed: {_problems[^1]}");
        }

        return fallback;
    }

    /// <summary>The copy of <paramref name="name"/> shipped inside the coordinator (from <c>policies/templates/</c> at build time).</summary>
    public static string BuiltIn(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("init/policies/templates/" + name)
            ?? throw new InvalidOperationException($"The coordinator was built without its template {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private bool TryRender(string text, string path, ScriptObject model, out string rendered)
    {
        rendered = string.Empty;
        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error).Take(5))
            {
                _problems.Add(new TemplateProblem(path, message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message));
            }

            return false;
        }

        var context = new TemplateContext
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = null,
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(model);
        try
        {
            rendered = template.Render(context);
            return true;
        }
        catch (ScriptRuntimeException ex)
        {
            _problems.Add(new TemplateProblem(path, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage));
            return false;
        }
    }
}
