namespace BusinessOps.Core.Ports;

/// <summary>
/// An executor that can start several dispatches as one run (AWS Batch: one job carrying a set of issues of the same agent
/// and client). The shell calls <see cref="PrepareAsync"/> once per pass with every dispatch of the pass, in dispatch order,
/// after their intents are recorded and before the first <see cref="IExecutor.DispatchAsync"/>; each DispatchAsync then
/// returns its own request's outcome. Without the call every dispatch runs alone, as before.
/// </summary>
public interface IDispatchPreparer
{
    Task PrepareAsync(IReadOnlyList<DispatchRequest> requests, CancellationToken cancellationToken);
}
