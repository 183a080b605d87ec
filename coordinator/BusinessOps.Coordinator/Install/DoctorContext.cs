using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// What <c>coordinator doctor</c> looks at: the store it opens (GitHub from the environment; throws
/// <see cref="IssueStoreException"/> when it cannot), the policies, the repository folder (workflows, forms), the
/// environment (AWS), and this coordinator's own release to compare the installed one with.
/// </summary>
public sealed record DoctorContext(
    Func<IIssueStore> OpenStore,
    PolicySet Policies,
    string Root,
    IReadOnlyDictionary<string, string?> Env,
    HttpClient Http,
    TimeProvider Clock,
    string? ThisRelease);
