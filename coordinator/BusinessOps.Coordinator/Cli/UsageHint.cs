using System.CommandLine;
using System.CommandLine.Parsing;
using BusinessOps.Policies.Validation;

namespace BusinessOps.Coordinator.Cli;

/// <summary>"Did you mean '--once'?" after a usage error about a misspelt option or subcommand; a group's commands when none was given.</summary>
internal static class UsageHint
{
    /// <summary>The closest option or subcommand name to an unrecognized token the error names, as " Did you mean 'x'?", or empty.</summary>
    public static string For(ParseResult parse, ParseError problem)
    {
        foreach (var token in parse.UnmatchedTokens)
        {
            if (problem.Message.Contains($"'{token}'", StringComparison.Ordinal) && Suggest.Closest(token, Names(parse.CommandResult)) is { } closest)
            {
                return $" Did you mean '{closest}'?";
            }
        }

        // "Required command was not provided" (a group such as 'issues' alone): name its commands.
        var command = parse.CommandResult.Command;
        if (command.Action is null && command.Subcommands.Count > 0 && !problem.Message.Contains('\'', StringComparison.Ordinal))
        {
            return $" Its commands: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.";
        }

        return string.Empty;
    }

    /// <summary>The command's subcommands and the options it takes (its own and those its ancestors pass down).</summary>
    private static IEnumerable<string> Names(CommandResult result)
    {
        foreach (var sub in result.Command.Subcommands.Where(c => !c.Hidden))
        {
            yield return sub.Name;
        }

        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            foreach (var option in c.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(c, result) || o.Recursive)))
            {
                yield return option.Name;
            }
        }
    }
}
