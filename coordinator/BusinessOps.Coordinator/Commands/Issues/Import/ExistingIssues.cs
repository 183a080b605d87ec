namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// What <c>--skip-existing</c> matches rows against: issues already in the store and rows filed earlier in this run.
/// A row with an <c>id</c> matches an issue whose import marker has that id; a row without one matches an issue with the
/// same title (exact, after trimming) and author (case-insensitive, like logins).
/// </summary>
internal sealed class ExistingIssues
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Title, string Author), int> _titles = new(new TitleAuthorComparer());

    public int Count => _titles.Count;

    /// <summary>An independent copy (a dry run marks rows as filed without touching the index the real run uses).</summary>
    public ExistingIssues Copy()
    {
        var copy = new ExistingIssues();
        foreach (var (id, number) in _ids)
        {
            copy._ids[id] = number;
        }

        foreach (var (key, number) in _titles)
        {
            copy._titles[key] = number;
        }

        return copy;
    }

    /// <summary>Remembers an issue (or, with number 0, a row queued for filing in this run).</summary>
    public void Add(int number, string title, string author, string? id)
    {
        if (id is not null)
        {
            _ids.TryAdd(id, number);
        }

        _titles.TryAdd((title.Trim(), author), number);
    }

    /// <summary>The number of the issue <paramref name="row"/> was already filed as, if any.</summary>
    public int? Find(ImportRow row, string author) =>
        row.Id is not null
            ? _ids.TryGetValue(row.Id, out var byId) ? byId : null
            : _titles.TryGetValue((row.Title.Trim(), author), out var byTitle) ? byTitle : null;

    private sealed class TitleAuthorComparer : IEqualityComparer<(string Title, string Author)>
    {
        public bool Equals((string Title, string Author) x, (string Title, string Author) y) =>
            string.Equals(x.Title, y.Title, StringComparison.Ordinal) && string.Equals(x.Author, y.Author, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Title, string Author) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Title), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Author));
    }
}
