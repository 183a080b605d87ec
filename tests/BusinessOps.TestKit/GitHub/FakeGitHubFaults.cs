namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// Switchable faults of <see cref="FakeGitHubServer"/>. Each arms the next N matching requests (any method when
/// <c>method</c> is null); a fault is consumed when it fires. Thread-safe.
/// </summary>
public sealed class FakeGitHubFaults
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _armed = [];

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (5xx) without doing anything.</summary>
    public void FailNext(int count, int status = 502, string? method = null, string? pathEndsWith = null) => Arm(new Fault(FaultKind.Fail, count, method, status, null, TimeSpan.Zero) { Path = pathEndsWith });

    /// <summary>The next requests (whose path ends with <paramref name="pathEndsWith"/>, when given) are carried out, then answered with a 502 (the answer is "lost").</summary>
    public void FailAfterProcessingNext(int count, string? method = null, string? pathEndsWith = null) => Arm(new Fault(FaultKind.FailAfterProcessing, count, method, 502, null, TimeSpan.Zero) { Path = pathEndsWith });

    /// <summary>The next requests never answer (until the client gives up).</summary>
    public void HangNext(int count, string? method = null) => Arm(new Fault(FaultKind.Hang, count, method, 0, null, TimeSpan.Zero));

    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and a reset <paramref name="resetIn"/> from now.</summary>
    public void PrimaryLimitNext(int count, TimeSpan resetIn, string? method = null) => Arm(new Fault(FaultKind.Primary, count, method, 403, null, resetIn));

    /// <summary>403 or 429 secondary limit, with <c>retry-after</c> when <paramref name="retryAfterSeconds"/> is set.</summary>
    public void SecondaryLimitNext(int count, int status = 403, int? retryAfterSeconds = 60, string? method = null) => Arm(new Fault(FaultKind.Secondary, count, method, status, retryAfterSeconds, TimeSpan.Zero));

    /// <summary>Disarms everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    internal Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            var fault = _armed.FirstOrDefault(f => f.Remaining > 0 && (f.Method is null || f.Method == method) && (f.Path is null || path.EndsWith(f.Path, StringComparison.Ordinal)));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            if (fault.Remaining == 0)
            {
                _armed.Remove(fault);
            }

            return fault;
        }
    }

    private void Arm(Fault fault)
    {
        lock (_gate)
        {
            _armed.Add(fault);
        }
    }

    internal enum FaultKind
    {
        Fail,
        FailAfterProcessing,
        Hang,
        Primary,
        Secondary,
    }

    internal sealed class Fault(FaultKind kind, int count, string? method, int status, int? retryAfter, TimeSpan resetIn)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = count;

        public string? Method { get; } = method;

        public int Status { get; } = status;

        public int? RetryAfter { get; } = retryAfter;

        public TimeSpan ResetIn { get; } = resetIn;

        /// <summary>Only requests whose path (without the query) ends with this.</summary>
        public string? Path { get; init; }
    }
}
