using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// The help pages read once: an option with a default value (flags aside) shows it as "[default: …]", so its description does not say
/// it again. Found in the user trial: "--interval … (default 30s) [default: 30s]", the same for --branch, --repository, --forms.
/// </summary>
public sealed class HelpTextTests
{
    [Fact]
    public void Help_EverySymbolWithADefaultValue_DoesNotRepeatItInItsDescription()
    {
        var root = CoordinatorCli.Create(new CliHost(new Dictionary<string, string?>(), new FakeTimeProvider(Some.Epoch)));

        var repeated = Commands(root)
            .SelectMany(c => c.Options.Where(o => o.HasDefaultValue && o.ValueType != typeof(bool)).Select(o => (Name: $"{c.Name} {o.Name}", o.Description))
                .Concat(c.Arguments.Where(a => a.HasDefaultValue).Select(a => (Name: $"{c.Name} {a.Name}", a.Description))))
            .Where(s => s.Description is { } d && (d.Contains("(default", StringComparison.OrdinalIgnoreCase) || d.Contains("default:", StringComparison.OrdinalIgnoreCase) || d.Contains(", the default", StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Name)
            .ToList();

        Assert.Empty(repeated);
    }

    private static IEnumerable<Command> Commands(Command command) => [command, .. command.Subcommands.SelectMany(Commands)];
}
