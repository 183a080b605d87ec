using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Where an import files its issues: the local store in chunks, or GitHub one paced write at a time.</summary>
internal interface IImportTarget : IDisposable
{
    /// <summary>The SQLite path or <c>owner/repo</c>.</summary>
    string Location { get; }

    /// <summary>Rows filed per call of <see cref="FileAsync"/> (one transaction each on SQLite).</summary>
    int ChunkSize { get; }

    /// <summary>Whether each issue keeps its row's author (SQLite); otherwise the author is recorded in the import marker.</summary>
    bool KeepsAuthors { get; }

    /// <summary>Who the issues are filed as when a row names no author.</summary>
    string Actor { get; }

    Task<ExistingIssues> LoadExistingAsync(CancellationToken cancellationToken);

    /// <summary>Files <paramref name="issues"/>; returns their numbers, or per issue the error the store gave (null when filed).</summary>
    Task<IReadOnlyList<(int? Number, string? Error)>> FileAsync(IReadOnlyList<ImportedIssue> issues, CancellationToken cancellationToken);
}
