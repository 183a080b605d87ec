using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// The answer of every GET URL with its ETag, on disk (one file per URL, named by its SHA-256) with an in-memory front.
/// Safe to delete at any time; a file that is truncated, of another format, or fails its checksum is ignored.
/// File layout: <c>etag-cache v3</c>, the ETag, the credential's fingerprint, the body's SHA-256 in hex, the content
/// type, the <c>Link</c> header, one per line, then the body bytes. GitHub's ETags differ per token, so an entry saved
/// under one token is only revalidated with that token; another token's request gets the full answer, which replaces it.
/// </summary>
internal sealed class EtagCache(string? directory)
{
    private const string Format = "etag-cache v3";
    private const int Lines = 6;
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

    /// <summary>A short, one-way fingerprint of an <c>Authorization</c> value (never the token itself on disk).</summary>
    public static string Fingerprint(string? authorization) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization ?? string.Empty)))[..16].ToLowerInvariant();

    /// <summary>True when <paramref name="url"/> is cached under <paramref name="credential"/>, so asking for it again can earn a 304.</summary>
    public bool CanRevalidate(string url, string credential) => Get(url)?.Credential == credential;

    public void Put(string url, CachedResponse entry)
    {
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
                var header = string.Join('\n', Format, OneLine(entry.ETag), OneLine(entry.Credential), Convert.ToHexString(SHA256.HashData(entry.Body)), OneLine(entry.ContentType), OneLine(entry.Link)) + "\n";
                stream.Write(Encoding.UTF8.GetBytes(header));
                stream.Write(entry.Body);
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

    private static string OneLine(string? value) => (value ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ');

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
            var lines = new string[Lines];
            var position = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', position);
                if (end < 0)
                {
                    return null;
                }

                lines[i] = Encoding.UTF8.GetString(bytes, position, end - position);
                position = end + 1;
            }

            var body = bytes[position..];
            return lines[0] == Format && lines[1].Length > 0 && lines[3].Equals(Convert.ToHexString(SHA256.HashData(body)), StringComparison.OrdinalIgnoreCase)
                ? new CachedResponse(lines[1], lines[2], lines[4].Length > 0 ? lines[4] : null, lines[5].Length > 0 ? lines[5] : null, body)
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
