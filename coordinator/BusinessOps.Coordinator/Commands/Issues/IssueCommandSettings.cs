using System.CommandLine;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// What every subcommand shares: the root's <c>--store</c> option, the clock that stamps writes, the environment (GitHub
/// settings for <c>import --store github</c>) and standard input (<c>import -</c>); tests pass their own.
/// </summary>
internal sealed record IssueCommandSettings(Option<string?> StoreOption, TimeProvider Clock, IReadOnlyDictionary<string, string?> Environment, Func<Stream> Stdin);
