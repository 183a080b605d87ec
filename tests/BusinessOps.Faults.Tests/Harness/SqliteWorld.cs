using BusinessOps.Core;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>The embedded default: one SQLite file in a temporary folder, a fake clock that moves only when told.</summary>
internal sealed class SqliteWorld : World
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bo-faults", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _clock = new(Some.Epoch);

    public SqliteWorld()
    {
        Directory.CreateDirectory(_folder);
    }

    public string DatabasePath => Path.Combine(_folder, "ops.db");

    public override TimeProvider Clock => _clock;

    public override PolicySet Policies { get; } = PolicySet.Default;

    public override string Identity => BotIdentity.Login;

    public override async Task<IReadOnlyList<int>> FileAsync(int count)
    {
        using var people = SqliteIssueStore.Open(DatabasePath, "dana", _clock);
        var numbers = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            numbers.Add((await people.CreateIssueAsync(new NewIssue("Operation " + (i + 1), "### Details\n\nFiled by the fault harness.", Routes.LabelsFor(i)), CancellationToken.None)).Number);
        }

        return numbers;
    }

    public override IIssueStore OpenStore() => SqliteIssueStore.Open(DatabasePath, BotIdentity.Login, _clock);

    public override void Advance(TimeSpan by) => _clock.Advance(by);

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store still open on another thread; the temporary folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
