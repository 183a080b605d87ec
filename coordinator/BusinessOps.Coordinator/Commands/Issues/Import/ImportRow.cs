namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// One issue read from an import file, before the store's rules are checked. <see cref="Line"/> is where its record starts
/// (1-based, counting every line of the file). <see cref="Author"/> null: the importer's own login. <see cref="Id"/>: the
/// caller's own identifier, which <c>--skip-existing</c> matches instead of the title and author.
/// </summary>
internal sealed record ImportRow(long Line, string Title, string Body, IReadOnlyList<string> Labels, string? Author, string? Id);
