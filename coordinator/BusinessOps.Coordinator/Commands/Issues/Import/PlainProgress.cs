using System.Globalization;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Progress for logs and pipes: one line each time another <see cref="Step"/> issues are filed, never a control sequence.</summary>
internal sealed class PlainProgress(TextWriter output, int step) : IImportProgress
{
    /// <summary>Issues between two lines.</summary>
    public int Step { get; } = Math.Max(1, step);

    public async Task<T> RunAsync<T>(long? totalBytes, Func<Action<long, int>, Task<T>> work)
    {
        var next = Step;
        return await work((read, filed) =>
        {
            if (filed < next)
            {
                return;
            }

            next = ((filed / Step) + 1) * Step;
            var percent = totalBytes is > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Math.Min(100, read * 100 / totalBytes.Value)}% of the input read)") : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {filed} issues filed{percent}"));
        });
    }
}
