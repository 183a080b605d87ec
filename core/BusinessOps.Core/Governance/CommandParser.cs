using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Finds the slash command of a comment. Rules:
/// <list type="bullet">
/// <item>Only the first non-blank line counts (leading blank lines and up to three spaces of indentation are allowed).</item>
/// <item>A line indented four spaces or a tab (indented code), starting with a fence, a backtick (inline code),
/// <c>&gt;</c> (quote) or anything other than <c>/</c> is not a command.</item>
/// <item>The command word is <c>/</c> + a letter + letters, digits or hyphens, followed by whitespace or the end
/// of the line; anything else (<c>/usr/bin</c>, <c>/approve,</c>) is not a command at all. The word is case-insensitive.</item>
/// <item>Commands without arguments ignore trailing text (<c>/hold until Monday</c> holds); <c>/priority</c> and
/// <c>/agent</c> validate their first word and ignore the rest; <c>/effect</c> validates its first two words
/// (<c>e2 done</c> or <c>e2 not-done</c>).</item>
/// <item>At most <see cref="MaxLineLength"/> characters of the line and <see cref="MaxLeadingWhitespace"/> characters
/// of leading whitespace are considered; a longer prefix of blank space means no command.</item>
/// </list>
/// Allocation: none for comments that are not commands.
/// </summary>
public static class CommandParser
{
    /// <summary>Characters of the command line considered; the rest is cut off.</summary>
    public const int MaxLineLength = 1000;

    /// <summary>Leading whitespace (blank lines, indentation) skipped before giving up.</summary>
    public const int MaxLeadingWhitespace = 1000;

    /// <summary>Longest command word recognised as an attempted command (longer words are not commands).</summary>
    public const int MaxWordLength = 32;

    /// <summary>The list of valid commands included in every error reply and in the answer to <c>/help</c>.</summary>
    public const string Help =
        "Valid commands: `/approve [note]`, `/reject [reason]`, `/retry`, `/hold`, `/unhold`, `/cancel`, " +
        "`/priority P0|P1|P2|P3`, `/escalate`, `/agent ai-<name>-agent` (or a short name such as `security`), " +
        "`/effect e<N> done|not-done` (after checking an effect whose outcome is unknown), `/help`.";

    private static readonly (string Name, CommandKind Kind)[] Commands =
    [
        ("approve", CommandKind.Approve),
        ("reject", CommandKind.Reject),
        ("retry", CommandKind.Retry),
        ("hold", CommandKind.Hold),
        ("unhold", CommandKind.Unhold),
        ("cancel", CommandKind.Cancel),
        ("priority", CommandKind.Priority),
        ("escalate", CommandKind.Escalate),
        ("agent", CommandKind.Agent),
        ("effect", CommandKind.Effect),
        ("help", CommandKind.Help),
    ];

    private static readonly string PriorityError =
        "`/priority` needs one of P0, P1, P2, P3, for example `/priority P1`. " + Help;

    private static readonly string AgentError =
        "`/agent` needs one of " + string.Join(", ", AgentNames.All) +
        " (short names such as `security` also work), for example `/agent ai-security-agent`. " + Help;

    private static readonly string EffectError =
        "`/effect` needs an effect and what happened to it, for example `/effect e2 done` (it happened) or `/effect e2 not-done` "
        + "(it did not: it is performed again on `/retry`). " + Help;

    /// <summary>The command on the comment's first line, or null when the comment is not a command.</summary>
    public static ParsedCommand? Parse(IssueComment comment)
    {
        var text = comment.Body.AsSpan();
        if (text.Length > MaxLeadingWhitespace + MaxLineLength + 1)
        {
            text = text[..(MaxLeadingWhitespace + MaxLineLength + 1)];
        }

        var start = text.IndexOfAnyExcept(" \t\r\n");
        if (start < 0 || start > MaxLeadingWhitespace || text[start] != '/')
        {
            return null;
        }

        // Indentation of the first non-blank line: 4+ spaces or a tab is an indented code block.
        var lineStart = text[..start].LastIndexOfAny('\r', '\n') + 1;
        var indent = text[lineStart..start];
        if (indent.Length >= 4 || indent.Contains('\t'))
        {
            return null;
        }

        var line = text[start..];
        var end = line.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            line = line[..end];
        }

        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength];
        }

        var wordEnd = line.IndexOfAny(' ', '\t');
        var word = wordEnd < 0 ? line[1..] : line[1..wordEnd];
        if (!IsCommandWord(word))
        {
            return null;
        }

        var rest = wordEnd < 0 ? [] : line[wordEnd..].Trim();
        var argument = rest.IsEmpty ? null : rest.ToString();

        foreach (var (name, kind) in Commands)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return kind switch
                {
                    CommandKind.Priority => ParsePriority(comment, name, argument, rest),
                    CommandKind.Agent => ParseAgent(comment, name, argument, rest),
                    CommandKind.Effect => ParseEffect(comment, name, argument, rest),
                    _ => new ParsedCommand(comment, kind, name, argument),
                };
            }
        }

        // The word is letters, digits and hyphens only, so echoing it back is safe.
        var unknown = LowerAscii(word);
        return new ParsedCommand(comment, CommandKind.Unknown, unknown, argument)
        {
            Error = "`/" + unknown + "` is not a command. " + Help,
        };
    }

    private static ParsedCommand ParsePriority(IssueComment comment, string name, string? argument, ReadOnlySpan<char> rest)
    {
        var token = FirstToken(rest);
        if (token.Length == 2 && (token[0] is 'P' or 'p') && token[1] is >= '0' and <= '3')
        {
            return new ParsedCommand(comment, CommandKind.Priority, name, argument) { Priority = (Priority)(token[1] - '0') };
        }

        return new ParsedCommand(comment, CommandKind.Priority, name, argument) { Error = PriorityError };
    }

    private static ParsedCommand ParseAgent(IssueComment comment, string name, string? argument, ReadOnlySpan<char> rest)
    {
        var token = FirstToken(rest);

        // Agent names are short; a long token cannot be one and is not worth allocating.
        if (token.Length is > 0 and <= 64 && AgentNames.TryNormalize(token.ToString(), out var agent))
        {
            return new ParsedCommand(comment, CommandKind.Agent, name, argument) { Agent = agent };
        }

        return new ParsedCommand(comment, CommandKind.Agent, name, argument) { Error = AgentError };
    }

    private static ParsedCommand ParseEffect(IssueComment comment, string name, string? argument, ReadOnlySpan<char> rest)
    {
        var first = FirstToken(rest);
        var second = FirstToken(rest[first.Length..].TrimStart());
        var done = second.Equals("done", StringComparison.OrdinalIgnoreCase) ? true
            : second.Equals("not-done", StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;
        if (first.Length is >= 2 and <= 4 && (first[0] is 'e' or 'E')
            && int.TryParse(first[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index > 0
            && done is { } happened)
        {
            return new ParsedCommand(comment, CommandKind.Effect, name, argument) { Effect = (index, happened) };
        }

        return new ParsedCommand(comment, CommandKind.Effect, name, argument) { Error = EffectError };
    }

    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny(' ', '\t');
        return end < 0 ? rest : rest[..end];
    }

    private static bool IsCommandWord(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength || !char.IsAsciiLetter(word[0]))
        {
            return false;
        }

        foreach (var ch in word)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static string LowerAscii(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            buffer[i] = char.IsAsciiLetterUpper(word[i]) ? (char)(word[i] + 32) : word[i];
        }

        return new string(buffer);
    }
}
