namespace BusinessOps.Coordinator.Install;

/// <summary>What <c>init</c> does with one file: create it, leave it (same content, or kept because it differs), or replace it.</summary>
public enum InstallAction
{
    Create,
    Unchanged,
    Keep,
    Replace,
}
