using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The identity of an issue's input — its title and body — recorded when a plan is dispatched. A plan and the approvals
/// of it are about exactly that input: any edit changes the hash and voids the plan. 128 bits, so that finding a
/// different text with the same hash (an edit that would slip past) is out of reach; markers of schema version 1 hold the
/// previous 48-bit form, which <see cref="Matches"/> still compares.
/// </summary>
public static class InputHash
{
    private const int LegacyLength = 12;

    /// <summary>32 hex characters: SHA-256 over the SHA-256 of the title, of the body, and both lengths (raw UTF-16, no copies).</summary>
    public static string Of(IssueSnapshot issue)
    {
        Span<byte> parts = stackalloc byte[(2 * SHA256.HashSizeInBytes) + 8];
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Title.AsSpan()), parts);
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Body.AsSpan()), parts[SHA256.HashSizeInBytes..]);
        BinaryPrimitives.WriteInt32LittleEndian(parts[(2 * SHA256.HashSizeInBytes)..], issue.Title.Length);
        BinaryPrimitives.WriteInt32LittleEndian(parts[((2 * SHA256.HashSizeInBytes) + 4)..], issue.Body.Length);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(parts, digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>True when <paramref name="recorded"/> (this form, or the 12-character form of schema version 1) is <paramref name="issue"/>'s input.</summary>
    public static bool Matches(string recorded, IssueSnapshot issue) =>
        recorded.Length == LegacyLength ? recorded == Legacy(issue) : recorded == Of(issue);

    // Schema version 1: the first 6 bytes of the title's SHA-256 XORed with the body's.
    private static string Legacy(IssueSnapshot issue)
    {
        Span<byte> title = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> body = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Title.AsSpan()), title);
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Body.AsSpan()), body);
        for (var i = 0; i < 6; i++)
        {
            title[i] ^= body[i];
        }

        return Convert.ToHexStringLower(title[..6]);
    }
}
