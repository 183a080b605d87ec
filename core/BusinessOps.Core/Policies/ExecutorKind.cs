namespace BusinessOps.Core.Policies;

/// <summary>
/// Where a dispatch runs. Policy (<c>dispatch.yml</c>) chooses <see cref="Lambda"/> or <see cref="Batch"/> per priority for
/// the AWS executor; <see cref="Local"/> is the child-process executor. The status marker records which one took a dispatch.
/// </summary>
public enum ExecutorKind
{
    Lambda,
    Batch,
    Local,
}
