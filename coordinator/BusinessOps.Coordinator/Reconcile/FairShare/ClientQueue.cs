namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>One client's runs of one priority in the pass's order, with its weight and its deficit-round-robin credit.</summary>
internal sealed class ClientQueue(string client, int share, int? max)
{
    public string Client { get; } = client;

    public int Share { get; } = share;

    /// <summary>The client's own <c>maxConcurrent</c>, if any.</summary>
    public int? Max { get; } = max;

    public Queue<FairShareEntry> Items { get; } = new();

    /// <summary>Turns earned and not yet used in the current round (deficit round robin).</summary>
    public int Deficit { get; set; }
}
