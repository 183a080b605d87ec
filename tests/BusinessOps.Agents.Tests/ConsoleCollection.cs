using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Tests that redirect the process-wide Console or static factories run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
