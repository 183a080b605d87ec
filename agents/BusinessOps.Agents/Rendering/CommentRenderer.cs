using System.Collections;
using System.Collections.Concurrent;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Governance;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BusinessOps.Agents.Rendering;

/// <summary>
/// Renders an agent's comment from the business's template (<c>policies/templates/&lt;agent&gt;.sbn</c>, Scriban) or its
/// built-in one. Every string value is neutralised (<see cref="MarkdownSafe.Block"/>) before the template sees it, so
/// issue text can never inject markup or expressions; the template gets data only (no .NET objects, no includes).
/// A template that does not parse or fails to render is reported with its file and line and the built-in one is used.
/// </summary>
internal static class CommentRenderer
{
    // Bounds on what a template may do with the data: loops, recursion and output size.
    private const int LoopLimit = 10_000;
    private const int OutputLimit = 64 * 1024;

    // Parsed templates by file and text: each is parsed once per process (the Lambda host runs many issues in one), and
    // a parsed Template renders concurrently with its own TemplateContext. Bounded: edited texts are new keys.
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<(string File, string Text), Template> Parsed = new();

    public static RenderedText Render(CommentTemplate? custom, string builtIn, IReadOnlyDictionary<string, object?> model)
    {
        if (custom is not null)
        {
            var (text, error) = TryRender(custom.File, custom.Text, model);
            if (error is null)
            {
                return new RenderedText(text!, null);
            }

            return new RenderedText(TryRender("built-in", builtIn, model).Text ?? string.Empty, $"{error}; the built-in template was used.");
        }

        var (own, ownError) = TryRender("built-in", builtIn, model);
        return own is not null ? new RenderedText(own, null) : throw new InvalidOperationException("built-in template: " + ownError);
    }

    private static (string? Text, string? Error) TryRender(string file, string text, IReadOnlyDictionary<string, object?> model)
    {
        var template = Parse(file, text);
        if (template.HasErrors)
        {
            var m = template.Messages[0];
            return (null, $"{file}:{m.Span.Start.Line + 1}:{m.Span.Start.Column + 1}: {m.Message}");
        }

        var globals = new ScriptObject();
        foreach (var (name, value) in model)
        {
            globals.Add(name, Data(value));
        }

        var context = new TemplateContext { LoopLimit = LoopLimit, LimitToString = OutputLimit, StrictVariables = false, EnableRelaxedMemberAccess = true };
        context.PushGlobal(globals);
        try
        {
            var output = template.Render(context);
            return output.Length > OutputLimit ? (null, $"{file}: the output is larger than {OutputLimit / 1024} KB") : (output.Trim() + "\n", null);
        }
        catch (ScriptRuntimeException ex)
        {
            return (null, $"{file}:{ex.Span.Start.Line + 1}:{ex.Span.Start.Column + 1}: {ex.OriginalMessage}");
        }
    }

    /// <summary>The parsed <paramref name="text"/>, from the cache when it was parsed before under the same file name.</summary>
    internal static Template Parse(string file, string text)
    {
        if (Parsed.TryGetValue((file, text), out var cached))
        {
            return cached;
        }

        if (Parsed.Count >= MaxCached)
        {
            Parsed.Clear();
        }

        return Parsed.GetOrAdd((file, text), key => Template.Parse(key.Text, key.File));
    }

    /// <summary>Data as the template sees it: neutralised strings, numbers, booleans, lists and maps of those.</summary>
    private static object? Data(object? value) => value switch
    {
        null => null,
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
