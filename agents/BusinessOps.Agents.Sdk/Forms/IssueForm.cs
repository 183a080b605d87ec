using System.Globalization;

namespace BusinessOps.Agents.Sdk.Forms;

/// <summary>
/// The fields of an issue-form body, looked up case-insensitively. The typed readers throw
/// <see cref="BadInputException"/> with a message that names the field and says what is expected.
/// </summary>
public sealed class IssueForm(IReadOnlyDictionary<string, string> fields, IReadOnlySet<string> tooLong)
{
    // What the agent looked up and what it required: lets a test hold each issue form to the fields its agent reads.
    private readonly HashSet<string> _asked = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _required = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    /// <summary>Every field name the agent looked up so far (present or not).</summary>
    public IReadOnlyCollection<string> Asked => _asked;

    /// <summary>Every field name the agent required so far.</summary>
    public IReadOnlyCollection<string> RequiredNames => _required;

    /// <summary>The raw value, "" for <c>_No response_</c>, null when the heading is absent.</summary>
    public string? Get(string name)
    {
        _asked.Add(name);
        return Fields.TryGetValue(name, out var v) ? v : null;
    }

    public string Optional(string name) => Check(name, Get(name) ?? string.Empty);

    public string Required(string name, string expectation)
    {
        _required.Add(name);
        var v = Get(name);
        if (string.IsNullOrWhiteSpace(v))
        {
            throw new BadInputException($"Field `{name}` is required: {expectation}.");
        }

        return Check(name, v);
    }

    /// <summary>A required value with one surrounding code fence removed (issue forms with <c>render:</c> add one).</summary>
    public string RequiredBlock(string name, string expectation) => StripFence(Required(name, expectation));

    public decimal RequiredDecimal(string name, string expectation, decimal min, decimal max)
    {
        var raw = Required(name, expectation);
        if (!FormValues.TryDecimal(raw, out var d) || d < min || d > max)
        {
            throw Invalid(name, expectation, raw);
        }

        return d;
    }

    public DateOnly RequiredDate(string name, string expectation)
    {
        var raw = Required(name, expectation).Trim();
        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid(name, expectation, raw);
        }

        return date;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive); returns the canonical spelling.</summary>
    public string RequiredChoice(string name, params string[] choices)
    {
        var expectation = "one of " + string.Join(", ", choices.Select(c => "`" + c + "`"));
        var raw = Required(name, expectation).Trim();
        return Choose(name, raw, expectation, choices);
    }

    public string? OptionalChoice(string name, params string[] choices)
    {
        var raw = Optional(name).Trim();
        return raw.Length == 0 ? null : Choose(name, raw, "one of " + string.Join(", ", choices.Select(c => "`" + c + "`")), choices);
    }

    public int OptionalInt(string name, int fallback, int min, int max, string expectation)
    {
        var raw = Optional(name).Trim();
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw Invalid(name, expectation, raw);
        }

        return n;
    }

    public static BadInputException Invalid(string name, string expectation, string got) =>
        new($"Field `{name}` is invalid: expected {expectation}, got `{FormValues.Preview(got)}`.");

    public static string StripFence(string value)
    {
        var v = value.Trim();
        if (!(v.StartsWith("```", StringComparison.Ordinal) || v.StartsWith("~~~", StringComparison.Ordinal)))
        {
            return v;
        }

        var firstNewline = v.IndexOf('\n', StringComparison.Ordinal);
        var fence = v[..3];
        if (firstNewline < 0 || !v.EndsWith(fence, StringComparison.Ordinal))
        {
            return v;
        }

        var lastNewline = v.LastIndexOf('\n');
        return lastNewline <= firstNewline ? string.Empty : v[(firstNewline + 1)..lastNewline];
    }

    private string Check(string name, string value) =>
        tooLong.Contains(name)
            ? throw new BadInputException($"Field `{name}` is too long: at most {IssueFormParser.MaxValueChars:N0} characters.")
            : value;

    private static string Choose(string name, string raw, string expectation, string[] choices)
    {
        foreach (var c in choices)
        {
            if (string.Equals(c, raw, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        throw Invalid(name, expectation, raw);
    }
}
