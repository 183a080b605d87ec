using System.Globalization;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// Ordered migrations; the file's <c>PRAGMA user_version</c> is the number applied. Never edit a shipped
/// migration: append a new one, so every older file upgrades the same way.
/// </summary>
internal static class Schema
{
    private static readonly string[] Migrations =
    [
        // 1: the operational database.
        """
        CREATE TABLE issues (
            number      INTEGER PRIMARY KEY AUTOINCREMENT,
            title       TEXT NOT NULL,
            body        TEXT NOT NULL,
            state       TEXT NOT NULL CHECK (state IN ('open', 'closed')),
            author      TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE INDEX issues_state_updated ON issues (state, updated_at);

        CREATE TABLE labels (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color       TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE issue_labels (
            id          INTEGER PRIMARY KEY,
            issue       INTEGER NOT NULL REFERENCES issues (number) ON DELETE CASCADE,
            label       INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
            UNIQUE (issue, label)
        );
        CREATE INDEX issue_labels_label ON issue_labels (label);

        CREATE TABLE comments (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            issue       INTEGER NOT NULL REFERENCES issues (number) ON DELETE CASCADE,
            author      TEXT NOT NULL,
            body        TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE INDEX comments_issue ON comments (issue, id);

        CREATE TABLE collaborators (
            login       TEXT PRIMARY KEY COLLATE NOCASE,
            permission  TEXT NOT NULL CHECK (permission IN ('read', 'triage', 'write', 'maintain', 'admin'))
        );

        CREATE TABLE reactions (
            comment     INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
            actor       TEXT NOT NULL,
            content     TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            PRIMARY KEY (comment, actor, content)
        ) WITHOUT ROWID;
        """,
    ];

    /// <summary>The newest schema this build understands.</summary>
    public static int KnownVersion => Migrations.Length;

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the file up to <see cref="KnownVersion"/> in one immediate transaction; safe when several processes race to do it.</summary>
    public static void Migrate(SqliteConnection connection, string path) => Migrate(connection, path, Migrations);

    /// <summary>
    /// Applies the <paramref name="migrations"/> the file lacks, all or nothing: a failing step rolls back every step
    /// of this run and leaves the version as it was. Re-reads the version inside the transaction, so a second process
    /// that raced here finds the work done.
    /// </summary>
    internal static void Migrate(SqliteConnection connection, string path, IReadOnlyList<string> migrations)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(transaction.Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        EnsureNotNewer(version, migrations.Count, path);
        for (var next = version; next < migrations.Count; next++)
        {
            transaction.Execute(migrations[next]);
        }

        if (version < migrations.Count)
        {
            // PRAGMA takes no parameters; the value is our own integer.
            transaction.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migrations.Count};"));
        }

        transaction.Commit();
    }

    public static void EnsureNotNewer(int version, string path) => EnsureNotNewer(version, KnownVersion, path);

    private static void EnsureNotNewer(int version, int known, string path)
    {
        if (version > known)
        {
            throw new StoreUnavailableException(
                StoreErrorKind.Invalid,
                $"The issue store '{path}' was written by a newer BusinessOps (schema {version}, this build knows {known}): upgrade, or use another --store.");
        }
    }

    /// <summary>The shipped migrations, for tests that upgrade a file step by step.</summary>
    internal static IReadOnlyList<string> All => Migrations;
}
