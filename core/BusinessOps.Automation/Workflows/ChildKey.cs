using System.Globalization;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// The identity of one child issue within a run: <c>seo/run/r2/a1</c> is step <c>seo</c>'s second round, first
/// attempt. Carried in the child's marker (after <c>workflow#parent/</c>), so the parent's state is rebuilt from the
/// children alone.
/// </summary>
public sealed record ChildKey(string Step, ChildKind Kind, int Round, int Attempt)
{
    public string Value => string.Create(CultureInfo.InvariantCulture, $"{Step}/{KindName(Kind)}/r{Round}/a{Attempt}");

    public override string ToString() => Value;

    public static bool TryParse(string text, out ChildKey key)
    {
        key = new ChildKey(string.Empty, ChildKind.Run, 0, 0);
        var parts = text.Split('/');
        if (parts.Length != 4 || parts[0].Length == 0
            || !TryKind(parts[1], out var kind)
            || !TryNumber(parts[2], 'r', out var round) || !TryNumber(parts[3], 'a', out var attempt))
        {
            return false;
        }

        key = new ChildKey(parts[0], kind, round, attempt);
        return true;
    }

    private static string KindName(ChildKind kind) => kind switch
    {
        ChildKind.Run => "run",
        ChildKind.Review => "review",
        _ => "gate",
    };

    private static bool TryKind(string text, out ChildKind kind)
    {
        kind = text switch
        {
            "run" => ChildKind.Run,
            "review" => ChildKind.Review,
            "gate" => ChildKind.Gate,
            _ => (ChildKind)(-1),
        };
        return kind >= 0;
    }

    private static bool TryNumber(string text, char prefix, out int n)
    {
        n = 0;
        return text.Length > 1 && text[0] == prefix && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is > 0 and < 1000;
    }
}
