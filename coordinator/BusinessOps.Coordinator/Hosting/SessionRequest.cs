using System.CommandLine;
using BusinessOps.Coordinator.Cli;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>What a reconciling command asks a <see cref="CoordinatorSession"/> for: the global options, the writers of the invocation, the host.</summary>
public sealed record SessionRequest(
    string? Policies,
    string? Store,
    string? Executor,
    bool Verbose,
    string? LogFormat,
    TextWriter Output,
    TextWriter Error,
    CliHost Host,
    bool StoreMustExist = true)
{
    /// <summary>The request of one invocation: its global options and its Output/Error writers.</summary>
    public static SessionRequest From(ParseResult parse, GlobalOptions global, CliHost host, string? executor, bool storeMustExist = true)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        return new SessionRequest(
            parse.GetValue(global.Policies),
            parse.GetValue(global.Store),
            executor,
            parse.GetValue(global.Verbose),
            parse.GetValue(global.LogFormat),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            host,
            storeMustExist);
    }
}
