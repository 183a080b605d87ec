using System.Buffers;
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

    // Inputs up to this many bytes are hashed from the stack; larger ones from a pooled buffer.
    private const int StackBytes = 1024;

    /// <summary>32 hex characters: SHA-256 over the title's length, the title and the body (raw UTF-16, one pass), first 16 bytes.</summary>
    public static string Of(IssueSnapshot issue)
    {
        var title = MemoryMarshal.AsBytes(issue.Title.AsSpan());
        var body = MemoryMarshal.AsBytes(issue.Body.AsSpan());
        var length = 4 + title.Length + body.Length;
        byte[]? rented = null;
        var buffer = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, issue.Title.Length);
            title.CopyTo(buffer[4..]);
            body.CopyTo(buffer[(4 + title.Length)..]);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
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
