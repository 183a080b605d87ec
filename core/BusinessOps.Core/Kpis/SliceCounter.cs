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

    /// <summary>Counts one processed issue; <paramref name="doneInPeriod"/>: it reached done within the period.</summary>
    public void Add(IssueFacts facts, bool doneInPeriod)
    {
        _processed++;
        _results += facts.Results;
        _failed += facts.FailedResults;
        _cost += facts.CostUsd;
        _escalations += facts.Escalated ? 1 : 0;
        _breaches += facts.SlaBreached ? 1 : 0;
        if (doneInPeriod)
        {
            _done++;
            _automated += facts.HumanCommand ? 0 : 1;
        }

        if (doneInPeriod || facts.SlaBreached)
        {
            _slaTotal++;
            _slaMet += doneInPeriod && !facts.SlaBreached ? 1 : 0;
        }
    }

    public KpiSlice ToSlice() => new(_processed, _done, _automated, _slaTotal, _slaMet, _results, _failed, _cost, _escalations, _breaches);
}
