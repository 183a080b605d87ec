using System.Text;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// Titles and field values with named placeholders such as <c>{date}</c>. Only whole <c>{name}</c> tokens of
/// the allowed names are replaced; nothing is evaluated, and a value is inserted as text, never re-scanned.
/// </summary>
public static class TemplateText
{
    /// <summary>The placeholder names used in <paramref name="template"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        foreach (var (start, length) in Tokens(template))
        {
            names.Add(template.Substring(start + 1, length - 2));
        }

        return names;
    }

    /// <summary>Null when every placeholder is one of <paramref name="allowed"/>; otherwise why not.</summary>
    public static string? Problem(string template, IReadOnlyCollection<string> allowed)
    {
        foreach (var name in Placeholders(template))
        {
            if (!allowed.Contains(name))
            {
                return $"unknown placeholder '{{{name}}}'; allowed here: {string.Join(", ", allowed.Select(a => "{" + a + "}"))}";
            }
        }

        return null;
    }

    /// <summary><paramref name="template"/> with each known placeholder replaced; unknown ones stay as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template.Length + 32);
        var at = 0;
        foreach (var (start, length) in Tokens(template))
        {
            sb.Append(template, at, start - at);
            var name = template.Substring(start + 1, length - 2);
            sb.Append(values.TryGetValue(name, out var value) ? value : template.Substring(start, length));
            at = start + length;
        }

        sb.Append(template, at, template.Length - at);
        return sb.ToString();
    }

    // {name} where name is lowercase letters, digits and '_' — anything else (JSON, "{ }") stays literal text.
    private static IEnumerable<(int Start, int Length)> Tokens(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && (char.IsAsciiLetterLower(text[j]) || char.IsAsciiDigit(text[j]) || text[j] == '_'))
            {
                j++;
            }

            if (j > i + 1 && j < text.Length && text[j] == '}')
            {
                yield return (i, j - i + 1);
                i = j;
            }
        }
    }
}
