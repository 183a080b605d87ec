using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BusinessOps.Core.Results;

/// <summary>
/// The one serialisation of effects that hashes and compares: object keys in ordinal (UTF-16) order at every depth,
/// no whitespace, numbers exactly as written (<c>6000.00</c> stays <c>6000.00</c>), strings with only <c>"</c>,
/// <c>\</c> and control characters escaped (as RFC 8785 does). Independent of serializer settings and .NET versions,
/// so a plan approved under one build hashes the same under the next.
/// </summary>
public static class EffectCanonical
{
    /// <summary>The canonical JSON of a parameters value (or of any JSON value).</summary>
    public static string Parameters(JsonElement parameters)
    {
        var sb = new StringBuilder();
        Value(sb, parameters);
        return sb.ToString();
    }

    /// <summary><c>{"kind":…,"onFailure":true,"parameters":…,"target":…}</c> (<c>onFailure</c> only when set).</summary>
    public static string Write(Effect effect)
    {
        var sb = new StringBuilder();
        Effect(sb, effect);
        return sb.ToString();
    }

    /// <summary>The canonical JSON array of <paramref name="effects"/>, in plan order.</summary>
    public static string Write(IReadOnlyList<Effect> effects)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < effects.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            Effect(sb, effects[i]);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>
    /// The text whose <see cref="Governance.PlanHash"/> binds an approval to the plan and its effects: the plan text,
    /// then a line with the canonical effects. A plan without effects hashes exactly as before effects existed.
    /// </summary>
    public static string ForPlanHash(string planText, IReadOnlyList<Effect> effects) =>
        effects.Count == 0 ? planText : planText + "\n\neffects: " + Write(effects);

    private static void Effect(StringBuilder sb, Effect effect)
    {
        sb.Append("{\"kind\":");
        String(sb, effect.Kind);
        if (effect.OnFailure)
        {
            sb.Append(",\"onFailure\":true");
        }

        sb.Append(",\"parameters\":");
        Value(sb, effect.Parameters);
        sb.Append(",\"target\":");
        String(sb, effect.Target);
        sb.Append('}');
    }

    private static void Value(StringBuilder sb, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = value.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                sb.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    String(sb, properties[i].Name);
                    sb.Append(':');
                    Value(sb, properties[i].Value);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    Value(sb, item);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                String(sb, value.GetString()!);
                break;
            case JsonValueKind.Number:
                sb.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void String(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (ch < ' ')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
