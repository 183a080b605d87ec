namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Shows how far an import is: a live bar in a terminal, a line now and then otherwise.</summary>
internal interface IImportProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, which reports (bytes read so far, issues filed so far) through the callback it is given.
    /// <paramref name="totalBytes"/> is the input's size when known (a file), null for a pipe.
    /// </summary>
    Task<T> RunAsync<T>(long? totalBytes, Func<Action<long, int>, Task<T>> work);
}
