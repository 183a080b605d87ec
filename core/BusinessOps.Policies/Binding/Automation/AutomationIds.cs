using System.Text.RegularExpressions;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>Ids of schedules, clients, rules, feeds, workflows and steps: lowercase words joined by '-', at most 40 characters.</summary>
internal static partial class AutomationIds
{
    public static string? Read(ValueReader read, YamlValue node, string key)
    {
        if (read.Text(node, key, 100) is not { } text)
        {
            return null;
        }

        if (Shape().IsMatch(text))
        {
            return text;
        }

        read.Diagnostics.Error(node, $"'{key}' must be lowercase letters, digits and '-' (at most 40, starting with a letter or digit), e.g. 'morning-briefing'; found '{YamlText.Shorten(text)}'");
        return null;
    }

    public static bool IsValid(string text) => Shape().IsMatch(text);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
