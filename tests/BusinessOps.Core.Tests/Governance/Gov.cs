using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Core.Tests.Governance;

/// <summary>Builders for governance tests: comments, issues and permission maps around a fixed plan time.</summary>
internal static class Gov
{
    /// <summary>When the plan under approval was posted.</summary>
    public static readonly DateTimeOffset PlanAt = new FakeTimeProvider(Some.Epoch).GetUtcNow();

    public const string Identity = "businessops[bot]";
    public const string Author = "alice";
    public const string Hash = "abc123";

    private static long _nextId = 1000;

    public static IssueComment Comment(
        string body,
        string author,
        TimeSpan? afterPlan = null,
        bool bot = false,
        bool edited = false)
    {
        var at = PlanAt + (afterPlan ?? TimeSpan.FromMinutes(1));
        return new IssueComment(
            Interlocked.Increment(ref _nextId),
            author,
            body,
            at,
            edited ? at.AddMinutes(2) : at,
            bot);
    }

    public static IssueComment Plain(string body) => new(1, "someone", body, PlanAt, PlanAt);

    public static IssueSnapshot Issue(params IssueComment[] comments) => IssueWithLabels([], comments);

    public static IssueSnapshot IssueWithLabels(IReadOnlyList<string> labels, params IssueComment[] comments) =>
        new(7, "Pay supplier invoice", "Please pay.", IssueState.Open, labels, Author, PlanAt.AddHours(-1), PlanAt, comments);

    public static Dictionary<string, RepositoryPermission> Permissions(params (string Login, RepositoryPermission Level)[] entries)
    {
        var map = new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase);
        foreach (var (login, level) in entries)
        {
            map[login] = level;
        }

        return map;
    }

    /// <summary>Everyone in the default policy's roles, plus a few others, with write or better.</summary>
    public static Dictionary<string, RepositoryPermission> Writers() => Permissions(
        ("alice", RepositoryPermission.Write),
        ("fiona", RepositoryPermission.Write),
        ("carla", RepositoryPermission.Admin),
        ("bob", RepositoryPermission.Write),
        ("beatrice", RepositoryPermission.Maintain),
        ("casey", RepositoryPermission.Write),
        ("hana", RepositoryPermission.Write),
        ("ceo", RepositoryPermission.Admin),
        ("olivia", RepositoryPermission.Write),
        ("dave", RepositoryPermission.Write),
        ("dependabot[bot]", RepositoryPermission.Write),
        ("businessops[bot]", RepositoryPermission.Admin));
}
