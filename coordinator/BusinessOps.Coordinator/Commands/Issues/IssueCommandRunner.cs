using System.CommandLine;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>Runs one action and turns every expected failure into one line on stderr and a named exit code.</summary>
internal static class IssueCommandRunner
{
    public static void SetAction(Command command, IssueCommandSettings settings, Func<IssueCommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, settings, action, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parseResult, IssueCommandSettings settings, Func<IssueCommandContext, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(settings.StoreOption);
        var named = !string.IsNullOrWhiteSpace(path);
        var context = new IssueCommandContext(parseResult, named ? path! : IssuesCommand.DefaultStorePath, named, settings.Clock);
        try
        {
            return await action(context, cancellationToken);
        }
        catch (IssueCommandException ex)
        {
            return context.Fail(ex.ExitCode, ex.Message);
        }
        catch (IssueStoreException ex)
        {
            return context.Fail(ex.ExitCode, ex.Message);
        }
    }
}
