using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// ETag + body per GET URL, on disk (one file per URL, named by its SHA-256) with an in-memory front.
/// Safe to delete at any time; a file that is truncated or fails its checksum is ignored.
/// File layout: line 1 the ETag, line 2 the body's SHA-256 in hex, then the body bytes.
/// </summary>
internal sealed class EtagCache(string? directory)
{
    private readonly Dictionary<string, CachedResponse> _memory = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CachedResponse? Get(string url)
    {
        lock (_gate)
        {
            if (_memory.TryGetValue(url, out var hit))
            {
                return hit;
            }
        }

        var loaded = Load(url);
        if (loaded is not null)
        {
            lock (_gate)
            {
                _memory[url] = loaded;
            }
        }

        return loaded;
    }

    public void Put(string url, string etag, byte[] body)
    {
        var entry = new CachedResponse(etag, body);
        lock (_gate)
        {
            _memory[url] = entry;
        }

        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var path = PathFor(url);
            var temp = path + "." + Environment.ProcessId + ".tmp";
            using (var stream = File.Create(temp))
            {
                stream.Write(Encoding.UTF8.GetBytes(etag.Replace('\n', ' ') + "\n" + Convert.ToHexString(SHA256.HashData(body)) + "\n"));
                stream.Write(body);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // The cache is an optimisation: a full disk or a read-only checkout must never fail a request.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: no cache rather than no run.
        }
    }

    private CachedResponse? Load(string url)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            var path = PathFor(url);
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var first = Array.IndexOf(bytes, (byte)'\n');
            var second = first < 0 ? -1 : Array.IndexOf(bytes, (byte)'\n', first + 1);
            if (second < 0)
            {
                return null;
            }

            var etag = Encoding.UTF8.GetString(bytes, 0, first);
            var hash = Encoding.ASCII.GetString(bytes, first + 1, second - first - 1);
            var body = bytes[(second + 1)..];
            return etag.Length > 0 && hash.Equals(Convert.ToHexString(SHA256.HashData(body)), StringComparison.OrdinalIgnoreCase)
                ? new CachedResponse(etag, body)
                : null;
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

    private string PathFor(string url) => Path.Combine(directory!, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url))).ToLowerInvariant()[..40] + ".etag");
}
