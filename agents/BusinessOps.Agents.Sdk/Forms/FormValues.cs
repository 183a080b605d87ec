using System.Globalization;

namespace BusinessOps.Agents.Sdk.Forms;

/// <summary>Small parsers for values people type into forms (money with $ and commas, list lines).</summary>
public static class FormValues
{
    /// <summary>Parses <c>1,250.00</c>, <c>$1250</c>, <c>12.5%</c> in the invariant culture.</summary>
    public static bool TryDecimal(string raw, out decimal value)
    {
        var s = raw.Trim().Replace("$", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace("USD", string.Empty, StringComparison.OrdinalIgnoreCase)
            .TrimEnd('%').Trim();
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Non-empty lines with list markers (<c>- </c>, <c>* </c>, <c>- [ ] </c>, <c>1. </c>) removed.</summary>
    public static IReadOnlyList<string> Lines(string value)
    {
        var result = new List<string>();
        foreach (var raw in value.Split('\n'))
        {
            var line = StripMarker(raw.Trim());
            if (line.Length > 0)
            {
                result.Add(line);
            }
        }

        return result;
    }

    /// <summary>A short, single-line preview of untrusted text for error messages.</summary>
    public static string Preview(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace("`", "'", StringComparison.Ordinal);
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }

    private static string StripMarker(string line)
    {
        foreach (var marker in (string[])["- [ ] ", "- [x] ", "- [X] ", "* [ ] ", "* [x] ", "- ", "* ", "+ "])
        {
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                return line[marker.Length..].Trim();
            }
        }

        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        if (dot is > 0 and <= 3 && line[..dot].All(char.IsAsciiDigit))
        {
            return line[(dot + 2)..].Trim();
        }

        return line;
    }
}
