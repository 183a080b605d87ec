using System.Collections;
using System.Collections.Concurrent;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Governance;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BusinessOps.Policies.Wording;

/// <summary>
/// The coordinator's comments from the business's <c>templates/coordinator/&lt;name&gt;.sbn</c> (Scriban, sandboxed: data
/// only, bounded loops and output). Strings of the model are neutralized (<see cref="MarkdownSafe.Block"/>) before the
/// template sees them, so issue text can never inject markup or expressions. Each template is parsed once, at load; one
/// that fails while rendering is reported in <see cref="Problems"/> (file:line:column) and the built-in text is used.
/// </summary>
public sealed class TemplateWording : ICommentWording
{
    private const int LoopLimit = 10_000;
    private const int OutputLimit = 64 * 1024;
    private const int MaxProblems = 100;

    // Scriban's built-in functions (string, array, math, …), which a context otherwise deep-copies each time (most of a
    // render's time and ~40 KB): made once, frozen so no template can change them for the next one, and shared.
    private static readonly ScriptObject Builtins = Frozen(TemplateContext.GetDefaultBuiltinObject(), []);

    // Parsed templates by comment name; only ones without parse errors (those are load warnings).
    private readonly Dictionary<string, (string File, Template Template)> _templates;

    // Render failures since load, for the shell to log; bounded so a template failing every pass cannot grow it.
    private readonly ConcurrentQueue<PolicyError> _problems = new();

    private TemplateWording(Dictionary<string, (string, Template)> templates) => _templates = templates;

    /// <summary>Render failures so far (file:line:column, message); each time the built-in text was used.</summary>
    public IReadOnlyCollection<PolicyError> Problems => _problems;

    /// <summary>
    /// The wording of <paramref name="files"/> (comment name → file name and text) and each one's parse errors, which are
    /// warnings: the built-in text stands in until the template is fixed.
    /// </summary>
    public static (ICommentWording Wording, IReadOnlyList<PolicyError> Errors) From(IReadOnlyDictionary<string, (string File, string Text)> files)
    {
        var templates = new Dictionary<string, (string, Template)>(StringComparer.Ordinal);
        var errors = new List<PolicyError>();
        foreach (var (name, (file, text)) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var template = Template.Parse(text, file);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Take(1).Select(m => new PolicyError(file, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message)));
            }
            else
            {
                templates[name] = (file, template);
            }
        }

        return (templates.Count == 0 ? BuiltInWording.Instance : new TemplateWording(templates), errors);
    }

    public string Render(string name, IReadOnlyDictionary<string, object?> model, string builtIn)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(name, out var t))
        {
            return builtIn;
        }

        var globals = new ScriptObject();
        foreach (var (key, value) in model)
        {
            globals.Add(key, Data(value));
        }

        var context = new TemplateContext(Builtins) { LoopLimit = LoopLimit, LimitToString = OutputLimit, StrictVariables = false, EnableRelaxedMemberAccess = true, TemplateLoader = null };
        context.PushGlobal(globals);
        try
        {
            var output = t.Template.Render(context);
            if (output.Length <= OutputLimit)
            {
                return output.Trim();
            }

            Report(new PolicyError(t.File, 1, 1, $"the output is larger than {OutputLimit / 1024} KB"));
        }
        catch (ScriptRuntimeException ex)
        {
            Report(new PolicyError(t.File, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage));
        }

        return builtIn;
    }

    private static ScriptObject Frozen(ScriptObject o, HashSet<ScriptObject> seen)
    {
        if (seen.Add(o))
        {
            foreach (var child in o.Values.OfType<ScriptObject>())
            {
                Frozen(child, seen);
            }

            o.IsReadOnly = true;
        }

        return o;
    }

    private void Report(PolicyError problem)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Enqueue(problem);
        }
    }

    /// <summary>Data as the template sees it: neutralized strings, our own Markdown as is, numbers, booleans, lists and maps.</summary>
    private static object? Data(object? value) => value switch
    {
        null => null,
        CommentMarkup m => m.Text,
        string s => MarkdownSafe.Block(s),
        bool or int or long or double or decimal => value,
        IReadOnlyDictionary<string, object?> map => Map(map),
        IEnumerable items => new ScriptArray(items.Cast<object?>().Select(Data)),
        _ => MarkdownSafe.Block(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static ScriptObject Map(IReadOnlyDictionary<string, object?> map)
    {
        var o = new ScriptObject();
        foreach (var (k, v) in map)
        {
            o.Add(k, Data(v));
        }

        return o;
    }
}
