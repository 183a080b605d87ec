using BusinessOps.Policies.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BusinessOps.Policies.Yaml;

/// <summary>
/// Turns untrusted policy text into a <see cref="YamlValue"/> tree from YamlDotNet's parser events. Works
/// on events rather than the representation model so that aliases and anchors are refused before anything
/// is expanded (billion laughs), nesting is bounded, and duplicate keys survive for validation to report.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>Largest policy file accepted; real ones are a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Deepest nesting accepted; the schemas need four levels.</summary>
    public const int MaxDepth = 16;

    /// <summary>The document's root, or null after reporting why there is none.</summary>
    public static YamlValue? Read(string text, FileDiagnostics diagnostics)
    {
        try
        {
            return new Builder(diagnostics).Run(new Parser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(ToInt(ex.Start.Line), ToInt(ex.Start.Column), "invalid YAML: " + CleanMessage(ex.Message));
            return null;
        }
    }

    internal static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the position is already ours.
    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        text = text.Trim();
        return text.Length == 0 ? "the parser rejected this line" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private sealed class Builder(FileDiagnostics diagnostics)
    {
        // Open collections, innermost last; an explicit stack so hostile nesting cannot overflow ours.
        private readonly Stack<Frame> open = new();

        public YamlValue? Run(Parser parser)
        {
            YamlValue? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var (line, column) = (ToInt(current.Start.Line), ToInt(current.Start.Column));
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            diagnostics.Error(line, column, "a policy file holds one YAML document; remove the second '---' and what follows, or move it to its own file");
                            return null;
                        }

                        break;
                    case AnchorAlias alias:
                        diagnostics.Error(line, column, $"YAML aliases (*{alias.Value}) are not allowed in policy files; write the value out in full");
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Error(line, column, $"YAML anchors (&{node.Anchor}) are not allowed in policy files; write each value out in full");
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty:
                        diagnostics.Error(line, column, $"YAML tags ({node.Tag}) are not allowed in policy files; remove the tag");
                        return null;
                    case Scalar scalar:
                        if (!Add(new YamlText(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column), ref root))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart or MappingStart:
                        if (open.Count >= MaxDepth)
                        {
                            diagnostics.Error(line, column, $"nesting deeper than {MaxDepth} levels; policy files need far fewer");
                            return null;
                        }

                        open.Push(new Frame(current is MappingStart, line, column));
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = open.Pop();
                        if (!Add(frame.Build(), ref root))
                        {
                            return null;
                        }

                        break;
                }
            }

            if (root is null or YamlText { IsNull: true })
            {
                diagnostics.Error(1, 1, "the file is empty; expected a mapping of settings (see the shipped file for an example)");
                return null;
            }

            return root;
        }

        private bool Add(YamlValue value, ref YamlValue? root)
        {
            if (open.Count == 0)
            {
                root = value;
                return true;
            }

            var frame = open.Peek();
            if (frame.IsMap && frame.PendingKey is null)
            {
                if (value is not YamlText key)
                {
                    diagnostics.Error(value, "a mapping key must be plain text, not " + value.Describe());
                    return false;
                }

                frame.PendingKey = key;
                return true;
            }

            frame.Add(value);
            return true;
        }
    }

    private sealed class Frame(bool isMap, int line, int column)
    {
        private readonly List<YamlEntry> entries = [];
        private readonly List<YamlValue> items = [];

        public bool IsMap => isMap;

        public YamlText? PendingKey { get; set; }

        public void Add(YamlValue value)
        {
            if (isMap)
            {
                entries.Add(new YamlEntry(PendingKey!, value));
                PendingKey = null;
            }
            else
            {
                items.Add(value);
            }
        }

        public YamlValue Build() => isMap ? new YamlMap(entries, line, column) : new YamlList(items, line, column);
    }
}
