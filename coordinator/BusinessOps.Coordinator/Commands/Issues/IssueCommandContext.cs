using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// What one <c>coordinator issues</c> action needs: the writers of the invocation (so tests capture them),
/// the store path, and the clock.
/// </summary>
internal sealed class IssueCommandContext(ParseResult parseResult, string storePath, bool storeNamed, TimeProvider clock)
{
    public ParseResult ParseResult { get; } = parseResult;

    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public string StorePath { get; } = storePath;

    /// <summary>
    /// Opens the store as <paramref name="actor"/>. A store the user named with <c>--store</c> must exist unless
    /// <paramref name="create"/> (filing an issue, adding a collaborator): a typo must not read as an empty store.
    /// Rows the store cannot read are skipped with one warning each on stderr.
    /// </summary>
    public SqliteIssueStore OpenStore(string actor, bool create = false)
    {
        // 'github' names GitHub everywhere else; here it would silently make a local file called github.
        if (string.Equals(StorePath, Hosting.StoreSelector.GitHub, StringComparison.OrdinalIgnoreCase))
        {
            throw new IssueCommandException(
                "This command works on the local store only; on GitHub use its web page or gh (gh issue list, gh issue create, gh issue comment …). "
                + "To file many issues into GitHub: coordinator issues import FILE --store github. A local file named github: --store ./github.");
        }

        if (storeNamed && !create && !File.Exists(StorePath))
        {
            var what = Directory.Exists(StorePath) ? "is a directory, not a store file" : "does not exist";
            throw new IssueCommandException($"The store '{Path.GetFullPath(StorePath)}' {what}: check --store, or file the first issue with 'coordinator issues file --store {StorePath} --title …'.");
        }

        var options = SqliteIssueStoreOptions.Default with { UnreadableRow = message => Error.WriteLine("warning: " + HumanText.Line(message)) };
        return SqliteIssueStore.Open(StorePath, actor, options, clock);
    }

    /// <summary>Opens the store as whoever the user is (<c>--as</c>, else the environment); for commands that do not write as anyone, pass null.</summary>
    public SqliteIssueStore OpenStoreAs(string? explicitLogin, bool create = false) =>
        OpenStore(IssueActor.Resolve(explicitLogin, Environment.GetEnvironmentVariable), create);

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) => Output.WriteLine(JsonSerializer.Serialize(value, typeInfo));

    public int Fail(int exitCode, string message)
    {
        Error.WriteLine("error: " + HumanText.Line(message));
        return exitCode;
    }
}
