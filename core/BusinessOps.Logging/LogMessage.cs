using System.Runtime.CompilerServices;
using System.Text;

namespace BusinessOps.Logging;

/// <summary>
/// Turns an interpolated string into a Serilog message template with named properties, so existing call sites such as
/// <c>log.Info($"#{issue.Number} {d.Agent} dispatched ({d.Key})")</c> log <c>#{Issue} {Agent} dispatched ({Key})</c> with
/// <c>Issue</c>, <c>Agent</c> and <c>Key</c> as properties. Names come from the interpolated expressions
/// (<see cref="PropertyNames"/>); an expression that names nothing (a call, an operator) is written as text.
/// </summary>
[InterpolatedStringHandler]
public ref struct LogMessage
{
    private readonly StringBuilder _template;
    private readonly List<object?> _values;
    private readonly HashSet<string> _names;

    public LogMessage(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + (formattedCount * 12));
        _values = new List<object?>(formattedCount);
        _names = new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The message template.</summary>
    public readonly string Template => _template.ToString();

    /// <summary>The property values, in template order.</summary>
    public readonly object?[] Values => [.. _values];

    public readonly void AppendLiteral(string value) => AppendText(value);

    public void AppendFormatted<T>(T value, [CallerArgumentExpression(nameof(value))] string expression = "") => Append(value, null, null, expression);

    public void AppendFormatted<T>(T value, string? format, [CallerArgumentExpression(nameof(value))] string expression = "") => Append(value, null, format, expression);

    public void AppendFormatted<T>(T value, int alignment, [CallerArgumentExpression(nameof(value))] string expression = "") => Append(value, alignment, null, expression);

    public void AppendFormatted<T>(T value, int alignment, string? format, [CallerArgumentExpression(nameof(value))] string expression = "") => Append(value, alignment, format, expression);

    private void Append<T>(T value, int? alignment, string? format, string expression)
    {
        if (PropertyNames.From(expression) is not { } name)
        {
            var text = value is IFormattable f ? f.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString();
            AppendText(alignment is { } a ? (a < 0 ? (text ?? string.Empty).PadRight(-a) : (text ?? string.Empty).PadLeft(a)) : text ?? string.Empty);
            return;
        }

        var unique = name;
        for (var n = 2; !_names.Add(unique); n++)
        {
            unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _template.Append('{').Append(unique);
        if (alignment is { } width)
        {
            _template.Append(',').Append(width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(format))
        {
            _template.Append(':').Append(format);
        }
        else if (value is string)
        {
            // Strings render as they read ("ops.db", not "\"ops.db\"") in the message; the property keeps the value.
            _template.Append(":l");
        }

        _template.Append('}');
        _values.Add(value);
    }

    private readonly void AppendText(string text) => _template.Append(Logs.Literal(text));
}
