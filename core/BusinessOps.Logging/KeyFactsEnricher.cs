using BusinessOps.Core.Results;
using Serilog.Core;
using Serilog.Events;

namespace BusinessOps.Logging;

/// <summary>An event that carries an idempotency <c>Key</c> also carries its <c>Issue</c> and <c>Attempt</c>, so every dispatch event can be filtered by them.</summary>
internal sealed class KeyFactsEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue(LogProperties.Key, out var value)
            && value is ScalarValue { Value: string text }
            && IdempotencyKey.TryParse(text, out var key))
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(LogProperties.Issue, key.Issue));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(LogProperties.Attempt, key.Attempt));
        }
    }
}
