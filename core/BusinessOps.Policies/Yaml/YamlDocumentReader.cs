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

    /// <summary>The document's root, or null after reporting to <paramref name="error"/> (line, column, message) why there is none.</summary>
    public static YamlValue? Read(string text, Action<int, int, string> error)
    {
        if (TabIndent(text) is { } tab)
        {
            error(tab.Line, tab.Column, "a tab is used for indentation; YAML indents with spaces only");
            return null;
        }

        var builder = new Builder(error);
        try
        {
            return builder.Run(new Parser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            error(ToInt(ex.Start.Line), ToInt(ex.Start.Column), "invalid YAML: " + CleanMessage(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet's scanner can fail this way on malformed input (e.g. an unclosed '{' before a new key);
            // it is still the file's fault, so report it at the last place the parser understood.
            error(builder.LastLine, builder.LastColumn, "invalid YAML after this point; check for an unclosed '{', '[' or quote");
            return null;
        }
    }

    // YamlDotNet reports a tab indent at the start of the enclosing mapping; find the tab itself.
    private static (int Line, int Column)? TabIndent(string text)
    {
        var line = 1;
        var column = 1;
        var atIndent = true;
        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                (line, column, atIndent) = (line + 1, 1, true);
                continue;
            }

            if (atIndent && ch == '\t')
            {
                return (line, column);
            }

            atIndent = atIndent && ch == ' ';
            column++;
        }

        return null;
    }

    // The parser hands back resolved tags; show them the way they were most likely written.
    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    internal static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the position is already ours.
    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        text = text.Trim();
        return text.Length == 0 ? "the parser rejected this line" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private sealed class Builder(Action<int, int, string> error)
    {
        // Open collections, innermost last; an explicit stack so hostile nesting cannot overflow ours.
        private readonly Stack<Frame> open = new();

        /// <summary>Where the last event started, for errors the parser raises without a position.</summary>
        public int LastLine { get; private set; } = 1;

        public int LastColumn { get; private set; } = 1;

        public YamlValue? Run(Parser parser)
        {
            YamlValue? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var (line, column) = (ToInt(current.Start.Line), ToInt(current.Start.Column));
                (LastLine, LastColumn) = (line, column);
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            error(line, column, "a policy file holds one YAML document; remove the second '---' and what follows, or move it to its own file");
                            return null;
                        }

                        break;
                    case AnchorAlias alias:
                        error(line, column, $"YAML aliases (*{alias.Value}) are not allowed in policy files; write the value out in full");
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        error(line, column, $"YAML anchors (&{node.Anchor}) are not allowed in policy files; write each value out in full");
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty:
                        error(line, column, $"YAML tags ({ShortTag(node.Tag.Value)}) are not allowed in policy files; remove the tag");
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
                            error(line, column, $"nesting deeper than {MaxDepth} levels; policy files need far fewer");
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
                error(1, 1, "the file is empty; expected a mapping of settings (see the shipped file for an example)");
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
                    error(value.Line, value.Column, "a mapping key must be plain text, not " + value.Describe());
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
