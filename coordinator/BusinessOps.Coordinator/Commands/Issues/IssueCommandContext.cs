using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// What one <c>coordinator issues</c> action needs: the writers of the invocation (so tests capture them),
/// the store path, and the clock.
/// </summary>
internal sealed class IssueCommandContext(ParseResult parseResult, string storePath, TimeProvider clock)
{
    public ParseResult ParseResult { get; } = parseResult;

    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public string StorePath { get; } = storePath;

    public SqliteIssueStore OpenStore(string actor) => SqliteIssueStore.Open(StorePath, actor, clock);

    /// <summary>Opens the store as whoever the user is (<c>--as</c>, else the environment); for commands that do not write as anyone, pass null.</summary>
    public SqliteIssueStore OpenStoreAs(string? explicitLogin) => OpenStore(IssueActor.Resolve(explicitLogin, Environment.GetEnvironmentVariable));

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) => Output.WriteLine(JsonSerializer.Serialize(value, typeInfo));

    public int Fail(int exitCode, string message)
    {
        Error.WriteLine("error: " + HumanText.Line(message));
        return exitCode;
    }
}
