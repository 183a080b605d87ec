namespace BusinessOps.LocalStore;

/// <summary>
/// Rows a read had to skip (a malformed timestamp written by hand or another tool): each is reported once per store instance,
/// with its table and id, and left out of the result, so one bad row never stops a command.
/// </summary>
internal sealed class UnreadableRows(Action<string>? report)
{
    private readonly HashSet<string> _reported = [];
    private readonly Lock _gate = new();

    public void Skip(string what, long id, string location, Exception problem)
    {
        var key = what + " " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_reported.Add(key))
            {
                return;
            }
        }

        report?.Invoke($"skipped {key} in {location}: it cannot be read ({problem.Message}); fix or delete that row");
    }
}
