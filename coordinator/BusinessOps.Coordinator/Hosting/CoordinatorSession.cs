using BusinessOps.Connectors;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.Logging;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>
/// Everything a reconciling command needs, built once from options and environment. Every write goes through
/// <see cref="Store"/>, which masks secrets and neutralises text (<see cref="ScrubbingIssueStore"/>) before the store sees it.
/// </summary>
public sealed class CoordinatorSession : IDisposable
{
    // Built on first use: most commands never act on a plan.
    private ConnectorSet? _connectors;

    private CoordinatorSession(IIssueStore backend, IExecutor executor, PolicySet policies, AutomationPolicies automation, string storeArgument, Log log, SessionRequest request)
    {
        Automation = automation;
        Backend = backend;
        Store = ScrubbingIssueStore.Wrap(backend, SecretMasker.Process);
        Executor = executor;
        Policies = policies;
        StoreArgument = storeArgument;
        Log = log;
        Clock = request.Host.Clock;
        Environment = request.Host.Environment;
        Output = request.Output;
        Error = request.Error;
        PoliciesOption = request.Policies;
    }

    /// <summary>The <c>--policies</c> the command was given (null: the default folder), for what loads its own file (alerts.yml, templates).</summary>
    public string? PoliciesOption { get; }

    /// <summary>The store every read and write goes through.</summary>
    public ScrubbingIssueStore Store { get; }

    /// <summary>The store behind <see cref="Store"/>, for what only one kind of store offers; never write through it.</summary>
    public IIssueStore Backend { get; }

    public IExecutor Executor { get; }

    public PolicySet Policies { get; }

    /// <summary>Schedules, triggers, feeds, workflows and clients of the same policy folder, validated.</summary>
    public AutomationPolicies Automation { get; }

    /// <summary><c>github</c> or the SQLite path, as agents must receive it.</summary>
    public string StoreArgument { get; }

    public Log Log { get; }

    public TimeProvider Clock { get; }

    /// <summary>The environment snapshot the command runs with (in-process tests pass their own).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Where results go (stdout of the invocation).</summary>
    public TextWriter Output { get; }

    /// <summary>Where errors and the log go (stderr of the invocation).</summary>
    public TextWriter Error { get; }

    public bool IsCloud => Executor.Name != "local";

    /// <summary>
    /// The connectors approved plans act through (<c>connectors.yml</c>), built on first use: GitHub effects through the
    /// GitHub store's own client and pacing, or through the local store; webhooks, email and commands as policy enables them.
    /// </summary>
    public ConnectorSet Connectors => _connectors ??= EffectConnectors.Create(this, name => Environment.GetValueOrDefault(name));

    /// <summary>Replaces the connectors (the demo points them at its own loopback receivers); the session disposes them.</summary>
    public void UseConnectors(ConnectorSet connectors)
    {
        _connectors?.Dispose();
        _connectors = connectors;
    }

    /// <summary>Concurrency for this session's dispatches.</summary>
    public int Concurrency(int? requested) =>
        requested is > 0 ? requested.Value : Policies.Dispatch.Local.Concurrency > 0 ? Policies.Dispatch.Local.Concurrency : System.Environment.ProcessorCount;

    /// <summary>Builds the session, or prints why it cannot and returns the exit code.</summary>
    public static (CoordinatorSession? Session, int ExitCode) Create(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = request.Error;
        var env = request.Host.Environment;
        if (LogFormats.Choose(request.LogFormat, env) is not { } format)
        {
            error.WriteLine($"error: --log-format must be {LogFormats.Choices} (got '{request.LogFormat}').");
            return (null, ExitCodes.BadInput);
        }

        if (request.Host.ExportToProcess)
        {
            // The agents this process starts inherit the choice, so one run logs in one format.
            System.Environment.SetEnvironmentVariable(LogFormats.EnvironmentVariable, format == LogFormat.Json ? "json" : "text");
        }

        var log = new Log(Logs.Create(() => error, format, request.Verbose, SecretMasker.Process), request.Verbose);
        if (PolicyGate.LoadAll(request.Policies, error) is not { } loaded)
        {
            return (null, ExitCodes.BadInput);
        }

        var policies = loaded.Policies;

        var clock = request.Host.Clock;
        var resolved = StoreSelector.Resolve(request.Store, env);
        IIssueStore issueStore;
        try
        {
            if (request.StoreMustExist)
            {
                StoreSelector.RequireExisting(request.Store, resolved);
            }

            issueStore = StoreSelector.Open(resolved, clock, env, log);

            // On GitHub the identity is the token's login: resolving it is the first request, so a bad token fails here.
            policies = policies with { Identity = issueStore.Identity, Repository = RepositoryName(resolved, env) };
        }
        catch (IssueStoreException ex)
        {
            error.WriteLine(SecretMasker.Process.Mask(ex.Message));
            return (null, ex.ExitCode);
        }

        if (!ExecutorSelector.TryCreate(request.Executor, policies, env, clock, log, out var exec, out var problem))
        {
            error.WriteLine(problem);
            (issueStore as IDisposable)?.Dispose();
            return (null, ExitCodes.BadInput);
        }

        return (new CoordinatorSession(issueStore, exec!, policies, loaded.Automation, resolved, log, request), ExitCodes.Ok);
    }

    /// <summary>
    /// Creates the session, runs <paramref name="body"/>, disposes the session, and maps store failures to exit codes
    /// with their one-line message: the shape every reconciling command shares.
    /// </summary>
    public static async Task<int> RunAsync(SessionRequest request, Func<CoordinatorSession, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var (session, code) = Create(request);
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
                await request.Error.WriteLineAsync(SecretMasker.Process.Mask(ex.Message));
                return ex.ExitCode;
            }
            finally
            {
                // A comment template that failed while rendering (it parsed at load): said once per problem, the built-in text was used.
                if (session.Policies.Wording is BusinessOps.Policies.Wording.TemplateWording wording)
                {
                    foreach (var problem in wording.Problems.Distinct())
                    {
                        await request.Error.WriteLineAsync($"warning: {problem}; the built-in wording was used");
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        _connectors?.Dispose();
        // Warm agent workers end with the session that started them.
        (Executor as IDisposable)?.Dispose();
        (Backend as IDisposable)?.Dispose();
    }

    private static string RepositoryName(string resolved, IReadOnlyDictionary<string, string?> env) =>
        resolved == StoreSelector.GitHub ? env.GetValueOrDefault("GITHUB_REPOSITORY") ?? "local/ops" : "local/" + Path.GetFileNameWithoutExtension(resolved);
}
