using System.Runtime.InteropServices;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel the command's token instead of killing the process mid-pass, so work in flight is
/// finished or cleanly abandoned and the exit code names the signal (130, 143). A second signal ends the process at once.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    // The exit code of the first signal received; 0 while none was.
    private int _exitCode;

    public TerminationSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The command's <paramref name="exitCode"/>, or the signal's when one stopped it.</summary>
    public int ExitCode(int exitCode) => Volatile.Read(ref _exitCode) is var signal and not 0 ? signal : exitCode;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

        // The first signal cancels; a second one (an impatient Ctrl-C) gets the default: the process ends.
        context.Cancel = Interlocked.CompareExchange(ref _exitCode, code, 0) == 0;
        _cancel.Cancel();
    }
}
