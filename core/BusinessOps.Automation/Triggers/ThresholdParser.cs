using System.Globalization;
using System.Text.RegularExpressions;

namespace BusinessOps.Automation.Triggers;

/// <summary>
/// The whole threshold language — no expressions, no evaluation:
/// <c>field OP number</c> with OP one of <c>&lt; &lt;= &gt; &gt;= == !=</c>, or <c>field falls by N</c> /
/// <c>field rises by N</c> (N may end in <c>%</c>). A field is a name or a dotted path (<c>metrics.ctr</c>).
/// </summary>
public static partial class ThresholdParser
{
    /// <summary>The accepted shapes, for error messages.</summary>
    public const string Expected = "'field < number' (also <=, >, >=, ==, !=) or 'field falls by N' / 'field rises by N' (N may be a percentage), e.g. 'engagement_rate < 0.05' or 'health_score falls by 10'";

    public static bool TryParse(string text, out ThresholdCondition? condition, out string? problem)
    {
        condition = null;
        problem = null;
        var t = text.Trim();
        if (t.Length is > 0 and <= 200)
        {
            if (ComparisonShape().Match(t) is { Success: true } c && TryNumber(c.Groups["n"].Value, out var n))
            {
                condition = new Comparison(c.Groups["f"].Value, Operator(c.Groups["op"].Value), n, t);
                return true;
            }

            if (ChangeShape().Match(t) is { Success: true } m && TryNumber(m.Groups["n"].Value, out var amount) && amount > 0)
            {
                condition = new Change(m.Groups["f"].Value, m.Groups["dir"].Value == "falls", amount, m.Groups["pct"].Success, t);
                return true;
            }
        }

        problem = $"cannot read the condition '{(t.Length <= 60 ? t : t[..57] + "...")}'; expected {Expected}";
        return false;
    }

    private static bool TryNumber(string s, out double n) =>
        double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out n) && double.IsFinite(n);

    private static ComparisonOperator Operator(string op) => op switch
    {
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        "==" => ComparisonOperator.Equal,
        _ => ComparisonOperator.NotEqual,
    };

    [GeneratedRegex(@"^(?<f>[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7})\s*(?<op><=|>=|==|!=|<|>)\s*(?<n>-?[0-9]{1,15}(\.[0-9]{1,15})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonShape();

    [GeneratedRegex(@"^(?<f>[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7})\s+(?<dir>falls|rises)\s+by\s+(?<n>[0-9]{1,15}(\.[0-9]{1,15})?)(?<pct>%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeShape();
}
