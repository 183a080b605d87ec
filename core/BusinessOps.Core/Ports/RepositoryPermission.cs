namespace BusinessOps.Core.Ports;

/// <summary>GitHub's repository roles, ordered so that comparison means "at least".</summary>
public enum RepositoryPermission
{
    None = 0,
    Read = 1,
    Triage = 2,
    Write = 3,
    Maintain = 4,
    Admin = 5,
}
