namespace BusinessOps.GitHub.Effects;

/// <summary>
/// The writes one perform has made so far and the one in flight, so a failure can say what already happened and whether
/// GitHub may have carried out a write whose answer was lost.
/// </summary>
internal sealed class EffectSteps
{
    private readonly List<string> _done = [];

    /// <summary>The write sent and not yet answered ("open the pull request"), or null.</summary>
    public string? Sending { get; private set; }

    /// <summary>What was written, in order ("opened #57").</summary>
    public IReadOnlyList<string> Done => _done;

    /// <summary>Sends one write, remembering it as in flight until it is answered.</summary>
    public async Task<T> WriteAsync<T>(string sending, Func<Task<T>> write, Func<T, string> done)
    {
        Sending = sending;
        var result = await write();
        Sending = null;
        _done.Add(done(result));
        return result;
    }

    /// <summary>Sends one write that answers nothing worth keeping.</summary>
    public Task WriteAsync(string sending, Func<Task> write, string done) =>
        WriteAsync(
            sending,
            async () =>
            {
                await write();
                return true;
            },
            _ => done);
}
