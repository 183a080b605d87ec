namespace BusinessOps.Core.Policies;

/// <summary>The pinned dashboard issue: kept by each reconcile pass when <see cref="Enabled"/>, under <see cref="Title"/>.</summary>
public sealed record DashboardSettings(bool Enabled = true, string Title = DashboardSettings.DefaultTitle, bool Pin = true)
{
    public const string DefaultTitle = "Operations dashboard";

    public static DashboardSettings Default { get; } = new();
}
