using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Triggers;

/// <summary>
/// A parsed threshold (<see cref="ThresholdParser"/>): a comparison of one numeric output with a constant, or a
/// change of it against the previous result's value. Evaluation reads numbers only; nothing is executed.
/// </summary>
public abstract record ThresholdCondition(string Field, string Text)
{
    /// <summary>True when the condition holds; <paramref name="previous"/> is null when there is no earlier value.</summary>
    public abstract bool Holds(double value, double? previous);

    /// <summary>True when evaluating needs the previous value (a change rule).</summary>
    public abstract bool NeedsPrevious { get; }

    /// <summary>The number at <see cref="Field"/> (a dotted path) in <paramref name="outputs"/>, or null.</summary>
    public double? Read(JsonObject? outputs)
    {
        JsonNode? node = outputs;
        foreach (var part in Field.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;
    }

    public override string ToString() => Text;
}
