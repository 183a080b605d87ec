namespace BusinessOps.Core.Labels;

/// <summary>P0 is the most urgent. The numeric value orders dispatch (lower first).</summary>
public enum Priority
{
    P0 = 0,
    P1 = 1,
    P2 = 2,
    P3 = 3,
}
