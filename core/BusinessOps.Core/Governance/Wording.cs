using System.Collections.Concurrent;
using System.Globalization;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Governance;

/// <summary>Number, money and permission wording (durations: Time.Durations) shared by governance messages (invariant culture).</summary>
public static class Wording
{
    // Role names come from policy: few and repeated on every pass. Memoized (pure), bounded against odd policies.
    private static readonly ConcurrentDictionary<string, string> RoleNames = new(StringComparer.Ordinal);

    /// <summary><c>$12,000</c> for whole amounts, <c>$12,000.50</c> otherwise.</summary>
    public static string Usd(decimal amount)
    {
        var format = amount == decimal.Truncate(amount) ? "N0" : "N2";
        return amount < 0
            ? "-$" + (-amount).ToString(format, CultureInfo.InvariantCulture)
            : "$" + amount.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>GitHub's word for a permission level: <c>read</c>, <c>write</c>, …</summary>
    public static string Permission(RepositoryPermission permission) => permission switch
    {
        RepositoryPermission.None => "no",
        RepositoryPermission.Read => "read",
        RepositoryPermission.Triage => "triage",
        RepositoryPermission.Write => "write",
        RepositoryPermission.Maintain => "maintain",
        RepositoryPermission.Admin => "admin",
        _ => "unknown",
    };

    /// <summary>
    /// A role name for people: hyphens become spaces, well-known acronyms are upper-cased, the first letter is
    /// capitalised (<c>cfo</c> → <c>CFO</c>, <c>head-of-customer-success</c> → <c>Head of customer success</c>).
    /// </summary>
    public static string Role(string role)
    {
        if (RoleNames.TryGetValue(role, out var cached))
        {
            return cached;
        }

        var display = BuildRole(role);
        if (RoleNames.Count < 256)
        {
            RoleNames.TryAdd(role, display);
        }

        return display;
    }

    private static string BuildRole(string role)
    {
        if (role.Length == 0)
        {
            return role;
        }

        var words = role.Split('-', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (IsAcronym(words[i]))
            {
                words[i] = words[i].ToUpperInvariant();
            }
            else if (i == 0)
            {
                words[i] = string.Concat(words[i][..1].ToUpperInvariant(), words[i].AsSpan(1));
            }
        }

        return string.Join(' ', words);
    }

    private static bool IsAcronym(string word) =>
        word.Equals("ceo", StringComparison.OrdinalIgnoreCase)
        || word.Equals("cfo", StringComparison.OrdinalIgnoreCase)
        || word.Equals("cto", StringComparison.OrdinalIgnoreCase)
        || word.Equals("coo", StringComparison.OrdinalIgnoreCase)
        || word.Equals("cio", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ciso", StringComparison.OrdinalIgnoreCase)
        || word.Equals("vp", StringComparison.OrdinalIgnoreCase);
}
