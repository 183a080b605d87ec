using BusinessOps.Core.Kpis.Snapshots;

namespace BusinessOps.Core.Kpis;

/// <summary>The mutable tally behind one <see cref="KpiSlice"/> while the calculator walks the index once.</summary>
internal sealed class SliceCounter
{
    private int _processed;
    private int _done;
    private int _automated;
    private int _slaTotal;
    private int _slaMet;
    private int _results;
    private int _failed;
    private decimal _cost;
    private int _escalations;
    private int _breaches;

    /// <summary>Counts a group of processed issues (one issue: a group of one).</summary>
    public void Add(KpiGroup group)
    {
        var n = group.Count;
        _processed += n;
        _results += group.Results;
        _failed += group.FailedResults;
        _cost += group.CostUsd;
        _escalations += group.Escalated ? n : 0;
        _breaches += group.Breached ? n : 0;
        if (group.Done)
        {
            _done += n;
            _automated += group.Human ? 0 : n;
        }

        if (group.Done || group.Breached)
        {
            _slaTotal += n;
            _slaMet += group.Done && !group.Breached ? n : 0;
        }
    }

    public KpiSlice ToSlice() => new(_processed, _done, _automated, _slaTotal, _slaMet, _results, _failed, _cost, _escalations, _breaches);
}
