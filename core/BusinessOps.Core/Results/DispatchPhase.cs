namespace BusinessOps.Core.Results;

/// <summary>
/// The two phases of work on an issue: <see cref="Plan"/> (analyse and propose) and <see cref="Execute"/> (carry out what
/// was approved). On the wire (keys, agent arguments) they are <c>plan</c> and <c>execute</c>; see <see cref="IdempotencyKey"/>.
/// </summary>
public enum DispatchPhase
{
    Plan,
    Execute,
}
