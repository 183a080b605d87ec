using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// <c>coordinator issues collaborator add|list</c>: who may approve what. The local stand-in for a GitHub repository's
/// collaborators; approvals are checked against these permission levels.
/// </summary>
internal static class CollaboratorCommand
{
    private static readonly string[] Levels = ["read", "triage", "write", "maintain", "admin"];

    public static Command Create(IssueCommandSettings settings)
    {
        var command = new Command("collaborator", "Manage who has which permission on the local store (approvals need write or more).")
        {
            Add(settings),
            List(settings),
        };
        return command;
    }

    private static Command Add(IssueCommandSettings settings)
    {
        var login = new Argument<string>("login") { Description = "The person's login, e.g. alice." };
        var permission = new Option<string?>("--permission", "-p")
        {
            Description = "Their level, like GitHub's roles: read, triage, write, maintain or admin (required).",
            HelpName = string.Join('|', Levels),
        };
        var json = IssueOptions.Json();
        var command = new Command("add", "Add a collaborator, or change their permission if they already are one.") { login, permission, json };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var level = ParseLevel(parse.GetValue(permission));
            using var store = context.OpenStoreAs(null, create: true);
            var who = parse.GetValue(login)!;
            await store.SetPermissionAsync(who, level, cancellationToken);
            var levelText = Levels[(int)level - 1];
            if (parse.GetValue(json))
            {
                context.WriteJson(new CollaboratorJson(who.Trim(), levelText), IssuesJsonContext.Pretty.CollaboratorJson);
            }
            else
            {
                context.Output.WriteLine($"{HumanText.Line(who.Trim())} now has {levelText} permission.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(IssueCommandSettings settings)
    {
        var json = IssueOptions.Json();
        var command = new Command("list", "List collaborators and their permission levels.") { json };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            using var store = context.OpenStoreAs(null);
            var collaborators = await store.ListCollaboratorsAsync(cancellationToken);
            IReadOnlyList<CollaboratorJson> rows = [.. collaborators.Select(c => new CollaboratorJson(c.Login, Levels[(int)c.Permission - 1]))];
            if (context.ParseResult.GetValue(json))
            {
                context.WriteJson(rows, IssuesJsonContext.Pretty.IReadOnlyListCollaboratorJson);
            }
            else if (rows.Count == 0)
            {
                context.Output.WriteLine("No collaborators yet. Add one with: coordinator issues collaborator add LOGIN --permission write");
            }
            else
            {
                var width = Math.Max("LOGIN".Length, rows.Max(r => r.Login.Length));
                context.Output.WriteLine("LOGIN".PadRight(width) + "  PERMISSION");
                foreach (var row in rows)
                {
                    context.Output.WriteLine(HumanText.Line(row.Login).PadRight(width) + "  " + row.Permission);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static RepositoryPermission ParseLevel(string? value)
    {
        var index = Array.IndexOf(Levels, value?.Trim().ToLowerInvariant());
        return index < 0
            ? throw new IssueCommandException($"--permission must be one of {string.Join(", ", Levels)} (got '{value}').")
            : (RepositoryPermission)(index + 1);
    }
}
