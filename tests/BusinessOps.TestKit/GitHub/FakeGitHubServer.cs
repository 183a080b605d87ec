using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// A stateful fake of GitHub's REST API on Kestrel (127.0.0.1, port 0) for tests and scenario benchmarks: issues,
/// pull requests, comments, labels, collaborator permissions, reactions, the authenticated user and App tokens, with
/// GitHub's JSON field names and headers (<c>Link</c>, <c>ETag</c>/304, <c>x-ratelimit-*</c>), a primary quota and the
/// 80-per-minute content-creation limit measured on the injected clock, switchable <see cref="Faults"/>, and
/// <see cref="Counters"/>. Start with <see cref="StartAsync"/>; point a client at <see cref="BaseUrl"/> with <see cref="Token"/>.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, FakeIssue> _issues = [];
    private readonly Dictionary<long, FakeComment> _comments = [];
    private readonly Dictionary<string, FakeLabel> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _permissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(long CommentId, string Content, string User)> _reactions = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly Queue<DateTimeOffset> _recentWrites = new();
    private readonly Dictionary<string, FakeInstallationToken> _installationTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _jobTokens = new(StringComparer.Ordinal);
    private int _nextNumber = 1;
    private long _nextId = 5_000_000;
    private long _version;
    private (long Version, string Key, List<FakeIssue> Items)? _sorted;
    private DateTimeOffset _windowStart;
    private int _used;

    // Requests being handled right now, and the most ever seen at once (clients promise at most 4 reads).
    private int _inFlight;
    private int _maxInFlight;

    private FakeGitHubServer(WebApplication app, TimeProvider clock, string owner, string repository)
    {
        _app = app;
        _clock = clock;
        Owner = owner;
        Repository = repository;
        _windowStart = clock.GetUtcNow();
    }

    /// <summary>The API base URL (ends with '/'), e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string Owner { get; }

    /// <summary>The API's path prefix ('' for github.com, <c>/api/v3</c> for Enterprise Server).</summary>
    public string PathBase { get; private set; } = string.Empty;

    public string Repository { get; }

    /// <summary>A token with issues: write. Any other value answers 401.</summary>
    public string Token { get; } = "ghp_FakeTokenWithIssuesWrite0123456789";

    /// <summary>
    /// A new Actions job token (<c>ghs_…</c>, issues: write), as each workflow run gets one: GitHub's ETags belong to the
    /// token, so answers cached under an earlier job's token are not 304 for this one.
    /// </summary>
    public string NewJobToken()
    {
        lock (_gate)
        {
            var token = "ghs_FakeJob" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
            _jobTokens.Add(token);
            return token;
        }
    }

    /// <summary>A token GitHub accepts but that lacks issues: write (writes answer 403 naming the permission).</summary>
    public string ReadOnlyToken { get; } = "ghp_FakeTokenReadOnly9876543210abcdef";

    /// <summary>The login <c>GET /user</c> returns for <see cref="Token"/>.</summary>
    public string Login { get; set; } = "businessops-bot";

    /// <summary>The App's slug for <c>GET /app</c>.</summary>
    public string AppSlug { get; set; } = "businessops";

    /// <summary>When set, App JWTs must verify with this public key (PEM) and carry this app id as issuer.</summary>
    public (long AppId, string PublicKeyPem)? App { get; set; }

    /// <summary>Primary quota per hour (GITHUB_TOKEN: 1,000 per repository; PATs: 5,000).</summary>
    public int PrimaryLimit { get; set; } = 5000;

    /// <summary>Content-creating requests allowed per rolling minute (GitHub: 80); 0 disables the limit.</summary>
    public int ContentLimitPerMinute { get; set; } = 80;

    /// <summary>Installation tokens live this long.</summary>
    public TimeSpan InstallationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public FakeGitHubFaults Faults { get; } = new();

    /// <summary>Real-time delay before each answer, so concurrency limits become observable (default none).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The most requests the server was handling at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    public FakeGitHubCounters Counters { get; } = new();

    /// <summary>Every request answered, in order (method, path, fake-clock time, status).</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<(long CommentId, string Content, string User)> Reactions
    {
        get
        {
            lock (_gate)
            {
                return [.. _reactions];
            }
        }
    }

    public IReadOnlyList<FakeLabel> Labels
    {
        get
        {
            lock (_gate)
            {
                return [.. _labels.Values];
            }
        }
    }

    /// <summary>Issues and pull requests on the server.</summary>
    public int IssueCount
    {
        get
        {
            lock (_gate)
            {
                return _issues.Count;
            }
        }
    }

    /// <summary>Installation tokens handed out so far.</summary>
    public int InstallationTokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _installationTokens.Count;
            }
        }
    }

    /// <summary>Every installation token handed out, with what its request narrowed it to, in order.</summary>
    public IReadOnlyList<FakeInstallationToken> InstallationTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _installationTokens.Values];
            }
        }
    }

    /// <summary>
    /// What the App was granted on its installation (name → level). A token request asking for more answers 422, as
    /// GitHub does. Default: issues write, metadata read, members read.
    /// </summary>
    public Dictionary<string, string> AppPermissions { get; } = new(StringComparer.Ordinal) { ["issues"] = "write", ["metadata"] = "read", ["members"] = "read" };

    private string Api => BaseUrl.AbsoluteUri.TrimEnd('/') + "/repos/" + Owner + "/" + Repository;

    private string Html => "https://github.com/" + Owner + "/" + Repository;

    /// <summary>
    /// Starts the server for <paramref name="repository"/> (OWNER/NAME) on a free loopback port. <paramref name="pathBase"/>
    /// serves the API under a prefix, as GitHub Enterprise Server does (<c>/api/v3</c>).
    /// </summary>
    public static async Task<FakeGitHubServer> StartAsync(TimeProvider clock, string repository = "acme/ops", string pathBase = "", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
        });
        var app = builder.Build();
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        var server = new FakeGitHubServer(app, clock, repository[..slash], repository[(slash + 1)..]);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.PathBase = pathBase.TrimEnd('/');
        server.BaseUrl = new Uri(address.TrimEnd('/') + server.PathBase + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Files an issue (or a pull request) as <paramref name="author"/> at the clock's time; returns its number.</summary>
    public int SeedIssue(string title, string body = "", IEnumerable<string>? labels = null, string author = "alice", bool pullRequest = false, bool closed = false)
    {
        lock (_gate)
        {
            var now = Now();
            var issue = new FakeIssue { Number = _nextNumber++, Id = ++_nextId, Title = title, Body = body, Author = author, IsPullRequest = pullRequest, CreatedAt = now, UpdatedAt = now, Closed = closed, ClosedAt = closed ? now : null };
            foreach (var label in labels ?? [])
            {
                AddLabel(issue, label);
            }

            _issues[issue.Number] = issue;
            _version++;
            return issue.Number;
        }
    }

    /// <summary>Files <paramref name="count"/> issues named "Issue N" with the given labels (fast: one lock, no HTTP).</summary>
    public IReadOnlyList<int> SeedIssues(int count, IEnumerable<string>? labels = null, string author = "alice")
    {
        var list = labels?.ToList() ?? [];
        var numbers = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            numbers.Add(SeedIssue("Issue " + (i + 1), "Body of issue " + (i + 1), list, author));
        }

        return numbers;
    }

    /// <summary>Adds a comment as someone else (a person or, with <paramref name="bot"/>, a bot); bumps the issue's updated_at.</summary>
    public long SeedComment(int number, string author, string body, bool bot = false)
    {
        lock (_gate)
        {
            return AddComment(_issues[number], author, bot ? "Bot" : "User", body).Id;
        }
    }

    public void EditComment(long commentId, string body)
    {
        lock (_gate)
        {
            var comment = _comments[commentId];
            comment.Body = body;
            comment.UpdatedAt = Now();
            _version++;
        }
    }

    /// <summary>Deletes a comment behind the client's back.</summary>
    public void DeleteComment(long commentId)
    {
        lock (_gate)
        {
            if (_comments.Remove(commentId, out var comment))
            {
                var issue = _issues[comment.IssueNumber];
                issue.Comments.Remove(comment);
                issue.UpdatedAt = Now();
                _version++;
            }
        }
    }

    /// <summary>An organisation team (<c>org/slug</c>) the token may read, with its members.</summary>
    public void SeedTeam(string team, params string[] members)
    {
        lock (_gate)
        {
            _teams[team] = [.. members];
        }
    }

    /// <summary>Makes <paramref name="login"/> a collaborator with a role: admin, maintain, write, triage or read.</summary>
    public void SetPermission(string login, string role)
    {
        lock (_gate)
        {
            _permissions[login] = role;
        }
    }

    public void SeedLabel(string name, string color = "ededed", string description = "")
    {
        lock (_gate)
        {
            _labels[name] = new FakeLabel(++_nextId, name, color, description);
        }
    }

    /// <summary>A copy of one issue, or null.</summary>
    public FakeIssueView? GetIssue(int number)
    {
        lock (_gate)
        {
            return _issues.TryGetValue(number, out var i)
                ? new FakeIssueView(i.Number, i.Title, i.Body, i.Closed, [.. i.Labels], [.. i.Comments.Select(c => new FakeCommentView(c.Id, c.Author, c.Body))], i.UpdatedAt, i.Parent, i.Closed ? i.StateReason ?? "completed" : null)
                : null;
        }
    }

    /// <summary>Generates a 2048-bit RSA key pair (private PEM for the client, public PEM for <see cref="App"/>).</summary>
    public static (string PrivateKeyPem, string PublicKeyPem) CreateAppKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportRSAPrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    // The fake's clock truncated to whole seconds, as GitHub's timestamps are.
    private DateTimeOffset Now()
    {
        var now = _clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private FakeComment AddComment(FakeIssue issue, string author, string authorType, string body)
    {
        var now = Now();
        var comment = new FakeComment { Id = ++_nextId, IssueNumber = issue.Number, Author = author, AuthorType = authorType, Body = body, CreatedAt = now, UpdatedAt = now };
        issue.Comments.Add(comment);
        _comments[comment.Id] = comment;
        issue.UpdatedAt = now;
        _version++;
        return comment;
    }

    private void AddLabel(FakeIssue issue, string name)
    {
        if (!_labels.TryGetValue(name, out var label))
        {
            label = new FakeLabel(++_nextId, name, "ededed", string.Empty);
            _labels[name] = label;
        }

        if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label.Name);
        }
    }

    private FakeLabel LabelOf(string name) => _labels.TryGetValue(name, out var label) ? label : new FakeLabel(0, name, "ededed", string.Empty);
}
