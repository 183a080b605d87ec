using System.Net;
using BusinessOps.Aws;
using BusinessOps.Aws.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Fake AWS Lambda, Batch and SQS endpoints on Kestrel (127.0.0.1, port 0). Every request's SigV4 signature is recomputed
/// with the known test secret (403 InvalidSignatureException otherwise) and its shape checked against the API
/// reference (400 with the reason otherwise). Keeps jobs whose statuses tests script, counts calls, and injects faults.
/// </summary>
public sealed partial class FakeAwsServer : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Account = "123456789012";

    private static readonly string[] Lifecycle = ["SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED"];

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<FakeAwsCall> _calls = [];
    private readonly Dictionary<string, (FakeAwsFault Fault, int Remaining)> _faults = new(StringComparer.Ordinal);
    private readonly List<FakeBatchJob> _jobs = [];
    private readonly List<FakeLambdaInvocation> _invocations = [];
    private readonly List<(string Operation, int Count, TaskCompletionSource Done)> _callWaiters = [];

    // Ends hung requests when the server stops, so disposal never waits for a client that gave up.
    private readonly CancellationTokenSource _stopping = new();
    private int _sequence;

    private FakeAwsServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Lambda functions that exist.</summary>
    public ISet<string> Functions { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agents" };

    /// <summary>Batch job queues that exist (by name).</summary>
    public ISet<string> Queues { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agents" };

    /// <summary>Batch job queues with a fair-share scheduling policy (the stack's queue has one).</summary>
    public ISet<string> FairShareQueues { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agents" };

    /// <summary>Batch job definitions that exist (by name, any revision).</summary>
    public ISet<string> JobDefinitions { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agent" };

    /// <summary>When set, requests must carry exactly this X-Amz-Security-Token.</summary>
    public string? ExpectedSessionToken { get; set; }

    /// <summary>The job definition's resources, as DescribeJobs reports them (infra/businessops.yml defaults: 0.5 vCPU, 1024 MiB).</summary>
    public (string Vcpu, string MemoryMiB) JobResources { get; set; } = ("0.5", "1024");

    /// <summary>Settings pointing both services at this server.</summary>
    public AwsSettings Settings => new(Region, Endpoint, Endpoint);

    /// <summary>The known test credentials.</summary>
    public IAwsCredentialSource Credentials => new StaticCredentialSource(new AwsCredentials(AccessKeyId, SecretAccessKey, ExpectedSessionToken), "test keys");

    public IReadOnlyList<FakeAwsCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeBatchJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobs];
            }
        }
    }

    public IReadOnlyList<FakeLambdaInvocation> Invocations
    {
        get
        {
            lock (_gate)
            {
                return [.. _invocations];
            }
        }
    }

    public static async Task<FakeAwsServer> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = 8 * 1024 * 1024;
        });
        var server = new FakeAwsServer(builder.Build(), clock ?? TimeProvider.System);
        await server._app.StartAsync(cancellationToken);
        server.Endpoint = new Uri(server._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>An environment that points the production factory at this server.</summary>
    public Dictionary<string, string?> Environment() => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = ExpectedSessionToken,
    };

    /// <summary>Answers <paramref name="operation"/> (<c>Invoke</c>, <c>SubmitJob</c>, <c>DescribeJobs</c>, <c>ListJobs</c>, <c>DescribeJobQueues</c>, <c>ReceiveMessage</c>, …) with a fault, <paramref name="times"/> times.</summary>
    public void Fail(string operation, FakeAwsFault fault, int times = int.MaxValue)
    {
        lock (_gate)
        {
            _faults[operation] = (fault, times);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Requests received for <paramref name="operation"/> (every outcome).</summary>
    public int CallCount(string operation)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Operation == operation);
        }
    }

    /// <summary>Completes once <paramref name="operation"/> has been received at least <paramref name="count"/> times.</summary>
    public Task WhenCallCountAsync(string operation, int count)
    {
        lock (_gate)
        {
            if (_calls.Count(c => c.Operation == operation) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((operation, count, done));
            return done.Task;
        }
    }

    /// <summary>Sets a job's status as Batch would report it (FAILED jobs get an attempt with the exit code).</summary>
    public void SetJobStatus(string jobId, string status, string? reason = null, int? exitCode = null)
    {
        lock (_gate)
        {
            var job = _jobs.Single(j => j.JobId == jobId);
            job.Status = status;
            job.StatusReason = reason;
            job.ExitCode = exitCode;
            job.StoppedAt = status is "SUCCEEDED" or "FAILED" ? _clock.GetUtcNow() : null;
        }
    }

    /// <summary>Ends a job as <paramref name="status"/> after its container ran from <paramref name="started"/> to <paramref name="stopped"/>.</summary>
    public void FinishJob(string jobId, string status, DateTimeOffset started, DateTimeOffset stopped)
    {
        lock (_gate)
        {
            var job = _jobs.Single(j => j.JobId == jobId);
            job.Status = status;
            job.StartedAt = started;
            job.StoppedAt = stopped;
        }
    }

    /// <summary>Moves a job one step along SUBMITTED → PENDING → RUNNABLE → STARTING → RUNNING → SUCCEEDED; returns the new status.</summary>
    public string Advance(string jobId)
    {
        lock (_gate)
        {
            var job = _jobs.Single(j => j.JobId == jobId);
            var index = Array.IndexOf(Lifecycle, job.Status);
            job.Status = index >= 0 && index < Lifecycle.Length - 1 ? Lifecycle[index + 1] : job.Status;
            job.StoppedAt = job.Status == "SUCCEEDED" ? job.StoppedAt ?? _clock.GetUtcNow() : null;
            return job.Status;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
