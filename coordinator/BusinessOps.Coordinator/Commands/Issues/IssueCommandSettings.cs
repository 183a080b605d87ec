using System.CommandLine;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>What every subcommand shares: the root's <c>--store</c> option and the clock that stamps writes.</summary>
internal sealed record IssueCommandSettings(Option<string?> StoreOption, TimeProvider Clock);
