using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Looks through the store's decorators (counting, scrubbing) for the layer that offers an optional port.</summary>
public static class StoreLayers
{
    /// <summary>The first layer of <paramref name="store"/>, outermost first, that is a <typeparamref name="T"/>; null if none is.</summary>
    public static T? Find<T>(IIssueStore store)
        where T : class
    {
        while (true)
        {
            switch (store)
            {
                case T found:
                    return found;
                case CountingIssueStore counting:
                    store = counting.Inner;
                    break;
                case ScrubbingIssueStore scrubbing:
                    store = scrubbing.Inner;
                    break;
                default:
                    return null;
            }
        }
    }
}
