using BusinessOps.Core.Scrubbing;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace BusinessOps.Logging;

/// <summary>Builds the Serilog logger the coordinator and every agent log through: one format choice, one masker, one sink.</summary>
public static class Logs
{
    /// <summary>
    /// The readable line: time, level, rendered message (templates carry <c>#{Issue}</c>, <c>{Agent}</c>, <c>{Key}</c>),
    /// exception. Serilog's own output template rather than Serilog.Expressions: the agents are Native AOT, and the
    /// expression compiler is not (it builds LINQ expressions at run time).
    /// </summary>
    public const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <summary>A logger writing <paramref name="format"/> lines to <paramref name="writer"/> (looked up per event), masked with <paramref name="masker"/>.</summary>
    public static Logger Create(Func<TextWriter> writer, LogFormat format, bool verbose, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(masker);
        return new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.With<KeyFactsEnricher>()
            .WriteTo.Sink(new WriterSink(writer, Formatter(format, masker)))
            .CreateLogger();
    }

    /// <summary>A plain message as a template: its braces are literal text, not properties.</summary>
    public static string Literal(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
    }

    /// <summary>The masked formatter for <paramref name="format"/>.</summary>
    public static ITextFormatter Formatter(LogFormat format, SecretMasker masker) =>
        new MaskingFormatter(format == LogFormat.Json ? new RenderedCompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture), masker);
}
