using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>
/// A journal that keeps what was durably written and "crashes" (throws <see cref="CrashException"/>, writing nothing
/// of that batch) on its <c>crashAt</c>-th write — the process dying between two steps. <see cref="Ledger"/> is what a rerun reads back.
/// </summary>
internal sealed class CrashingJournal(int crashAt = 0) : IEffectJournal
{
    private readonly Dictionary<int, EffectRecord> _latest = [];
    private int _writes;

    public List<EffectRecord> Writes { get; } = [];

    public IReadOnlyList<EffectRecord> Ledger => [.. _latest.Values.OrderBy(r => r.Index)];

    public int WriteCount => _writes;

    public Task WriteAsync(IReadOnlyList<EffectRecord> records, CancellationToken cancellationToken)
    {
        if (++_writes == crashAt)
        {
            throw new CrashException();
        }

        foreach (var record in records)
        {
            Writes.Add(record);
            _latest[record.Index] = record;
        }

        return Task.CompletedTask;
    }

    public void Confirm(int index, EffectStatus status, string reference)
    {
        var record = _latest[index] with { Status = status, Reference = reference, Error = null };
        Writes.Add(record);
        _latest[index] = record;
    }
}

/// <summary>The process died.</summary>
internal sealed class CrashException : Exception
{
    public CrashException()
        : base("crash injected")
    {
    }
}
