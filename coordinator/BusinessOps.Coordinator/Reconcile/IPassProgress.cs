namespace BusinessOps.Coordinator.Reconcile;

/// <summary>How far a pass is, for a person watching a long one (<c>run</c>'s progress bar in a terminal).</summary>
public interface IPassProgress
{
    /// <summary><paramref name="done"/> of the pass's <paramref name="total"/> issues decided.</summary>
    void Deciding(int done, int total);

    /// <summary><paramref name="started"/> of the <paramref name="total"/> runs the pass queued handed to the executor.</summary>
    void Running(int started, int total);
}
