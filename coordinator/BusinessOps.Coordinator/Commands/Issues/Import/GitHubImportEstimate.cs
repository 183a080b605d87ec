namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// How long filing <c>n</c> issues takes on GitHub through the store's pacing: one write per issue, writes
/// <c>spacing</c> apart and at most <c>perHour</c> in any rolling hour (GitHub: 1 s and 500 per hour for content creation).
/// </summary>
internal static class GitHubImportEstimate
{
    public static TimeSpan For(int issues, TimeSpan spacing, int perHour)
    {
        if (issues <= 0)
        {
            return TimeSpan.Zero;
        }

        var hour = TimeSpan.FromHours(1);
        var perWindow = Math.Max(1, perHour);

        // Each full window of perHour writes is followed by a wait until the hour since its first write has passed.
        var fullWindows = (issues - 1) / perWindow;
        var inLast = ((issues - 1) % perWindow) + 1;
        var windowSpan = spacing * (perWindow - 1);
        var waitedWindow = windowSpan > hour ? windowSpan : hour;
        return (waitedWindow * fullWindows) + (spacing * (inLast - 1));
    }
}
