using System.Runtime.InteropServices;
using System.Security.Cryptography;
using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The identity of an issue's input — its title and body — recorded when a plan is dispatched. A plan and the approvals
/// of it are about exactly that input: any edit changes the hash and voids the plan.
/// </summary>
public static class InputHash
{
    /// <summary>12 hex characters: SHA-256 over the raw UTF-16 of title and body (no copies), the first 6 bytes XORed.</summary>
    public static string Of(IssueSnapshot issue)
    {
        Span<byte> title = stackalloc byte[32];
        Span<byte> body = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Title.AsSpan()), title);
        SHA256.HashData(MemoryMarshal.AsBytes(issue.Body.AsSpan()), body);
        for (var i = 0; i < 6; i++)
        {
            title[i] ^= body[i];
        }

        return Convert.ToHexStringLower(title[..6]);
    }
}
