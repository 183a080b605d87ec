using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Everything a reconciling command needs, built once from options and environment.</summary>
public sealed class CoordinatorSession : IDisposable
{
    private CoordinatorSession(IIssueStore store, IExecutor executor, PolicySet policies, string storeArgument, Log log, TimeProvider clock)
    {
        Store = store;
        Executor = executor;
        Policies = policies;
        StoreArgument = storeArgument;
        Log = log;
        Clock = clock;
    }

    public IIssueStore Store { get; }

    public IExecutor Executor { get; }

    public PolicySet Policies { get; }

    /// <summary><c>github</c> or the SQLite path, as agents must receive it.</summary>
    public string StoreArgument { get; }

    public Log Log { get; }

    public TimeProvider Clock { get; }

    public bool IsCloud => Executor.Name != "local";

    /// <summary>Concurrency for this session's dispatches.</summary>
    public int Concurrency(int? requested) =>
        requested is > 0 ? requested.Value : Policies.Dispatch.Local.Concurrency > 0 ? Policies.Dispatch.Local.Concurrency : Environment.ProcessorCount;

    /// <summary>Builds the session, or prints why it cannot and returns the exit code.</summary>
    public static (CoordinatorSession? Session, int ExitCode) Create(string? policiesDir, string? store, string? executor, bool verbose, TextWriter error)
    {
        var log = new Log(error, verbose);
        var policies = PolicyGate.Load(policiesDir, error);
        if (policies is null)
        {
            return (null, ExitCodes.BadInput);
        }

        var env = StoreSelector.Environment();
        var clock = TimeProvider.System;
        var resolved = StoreSelector.Resolve(store, env);
        IIssueStore issueStore;
        try
        {
            issueStore = StoreSelector.Open(resolved, clock, env);

            // On GitHub the identity is the token's login: resolving it is the first request, so a bad token fails here.
            policies = policies with { Identity = issueStore.Identity, Repository = RepositoryName(resolved, env) };
        }
        catch (IssueStoreException ex)
        {
            error.WriteLine(ex.Message);
            return (null, ExitCodeFor(ex));
        }

        if (!ExecutorSelector.TryCreate(executor, policies, env, clock, log, out var exec, out var problem))
        {
            error.WriteLine(problem);
            (issueStore as IDisposable)?.Dispose();
            return (null, ExitCodes.BadInput);
        }

        return (new CoordinatorSession(issueStore, exec!, policies, resolved, log, clock), ExitCodes.Ok);
    }

    /// <summary>
    /// Creates the session, runs <paramref name="body"/>, disposes the session, and maps store failures to exit codes
    /// with their one-line message: the shape every reconciling command shares.
    /// </summary>
    public static async Task<int> RunAsync(string? policiesDir, string? store, string? executor, bool verbose, Func<CoordinatorSession, Task<int>> body)
    {
        var (session, code) = Create(policiesDir, store, executor, verbose, Console.Error);
        if (session is null)
        {
            return code;
        }

        using (session)
        {
            try
            {
                return await body(session);
            }
            catch (IssueStoreException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return ExitCodeFor(ex);
            }
        }
    }

    public static int ExitCodeFor(IssueStoreException ex) => ex.Kind switch
    {
        StoreErrorKind.Invalid => ExitCodes.BadInput,
        StoreErrorKind.RateLimited => ExitCodes.Deferred,
        _ => ExitCodes.Failure,
    };

    public void Dispose() => (Store as IDisposable)?.Dispose();

    private static string RepositoryName(string resolved, IReadOnlyDictionary<string, string?> env) =>
        resolved == StoreSelector.GitHub ? env.GetValueOrDefault("GITHUB_REPOSITORY") ?? "local/ops" : "local/" + Path.GetFileNameWithoutExtension(resolved);
}
