using System.Text.Json;

namespace BusinessOps.GitHub.Store;

/// <summary>Loads and saves the <see cref="SnapshotIndex"/>. A missing, corrupt or foreign file just means a cold pass.</summary>
internal sealed class SnapshotIndexFile(string? directory, string repository)
{
    private readonly string? _path = directory is null
        ? null
        : Path.Combine(directory, "index-" + string.Concat(repository.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".json");

    public SnapshotIndex? Load()
    {
        if (_path is null || !File.Exists(_path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(_path);
            var index = JsonSerializer.Deserialize(stream, IndexJson.Default.SnapshotIndex);
            return index is { Version: SnapshotIndex.CurrentVersion } && index.Repository == repository && index.Issues is not null ? index : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Save(SnapshotIndex index)
    {
        if (_path is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = _path + "." + Environment.ProcessId + ".tmp";
            using (var stream = File.Create(temp))
            {
                JsonSerializer.Serialize(stream, index, IndexJson.Default.SnapshotIndex);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch (IOException)
        {
            // An optimisation only: the next pass is cold instead.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
