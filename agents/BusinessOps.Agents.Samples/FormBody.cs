using System.Text;

namespace BusinessOps.Agents.Samples;

/// <summary>Writes bodies the way GitHub issue forms do: <c>### Field</c>, blank line, value, blank line.</summary>
public static class FormBody
{
    public static string Of(params (string Field, string Value)[] fields)
    {
        var sb = new StringBuilder();
        foreach (var (field, value) in fields)
        {
            sb.Append("### ").Append(field).Append("\n\n").Append(value.Length == 0 ? "_No response_" : value).Append("\n\n");
        }

        return sb.ToString().TrimEnd() + "\n";
    }
}
