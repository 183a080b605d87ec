using BusinessOps.Core.Scrubbing;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace BusinessOps.Logging;

/// <summary>
/// Wraps a formatter so that nothing unmasked is written: the message template, every property value (nested ones too) and
/// the exception pass through the <see cref="SecretMasker"/> before the inner formatter renders the event.
/// </summary>
public sealed class MaskingFormatter(ITextFormatter inner, SecretMasker masker) : ITextFormatter
{
    private static readonly MessageTemplateParser Parser = new();

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        inner.Format(Mask(logEvent), output);
    }

    /// <summary>The event with every text masked.</summary>
    public LogEvent Mask(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var text = logEvent.MessageTemplate.Text;
        var maskedText = masker.Mask(text);
        var template = string.Equals(text, maskedText, StringComparison.Ordinal) ? logEvent.MessageTemplate : Parser.Parse(maskedText);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Mask(p.Value)));
        var exception = logEvent.Exception is { } ex
            ? new MaskedException(masker.Mask(ex.Message), masker.Mask(ex.ToString()))
            : null;
        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    private LogEventPropertyValue Mask(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(masker.Mask(s)),

        // Numbers, times and the like cannot hold a secret; anything else renders through ToString, which might.
        ScalarValue { Value: null or bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum } => value,
        ScalarValue scalar => new ScalarValue(masker.Mask(Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Mask)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Mask(kv.Key), Mask(kv.Value)))),
        _ => value,
    };
}
