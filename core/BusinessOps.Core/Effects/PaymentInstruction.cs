using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// The finance agent's payment instruction (the parameters of <see cref="EffectKinds.WebhookPayment"/>): who is paid,
/// how much in which currency, by when, for which invoice. <see cref="Amount"/> keeps the scale it was written with.
/// </summary>
public sealed record PaymentInstruction(string Vendor, decimal Amount, string Currency, DateOnly DueDate, string InvoiceNumber, string? Memo = null)
{
    /// <summary>The payables endpoint <c>connectors.yml</c> names by default.</summary>
    public const string DefaultEndpoint = "payables";

    /// <summary>The effect sending this instruction to <paramref name="endpoint"/>.</summary>
    public Effect ToEffect(string endpoint = DefaultEndpoint)
    {
        var parameters = new JsonObject
        {
            ["vendor"] = Vendor,
            ["amount"] = Amount,
            ["currency"] = Currency,
            ["dueDate"] = DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["invoiceNumber"] = InvoiceNumber,
        };
        if (Memo is not null)
        {
            parameters["memo"] = Memo;
        }

        return Effect.Create(EffectKinds.WebhookPayment, endpoint, parameters);
    }

    /// <summary>Reads the instruction from an effect's parameters; false when a field is missing or mistyped (the schema check says which).</summary>
    public static bool TryRead(JsonElement parameters, out PaymentInstruction instruction)
    {
        instruction = null!;
        if (parameters.ValueKind != JsonValueKind.Object
            || !Text(parameters, "vendor", out var vendor)
            || !parameters.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetDecimal(out var value)
            || !Text(parameters, "currency", out var currency)
            || !Text(parameters, "dueDate", out var due)
            || !DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueDate)
            || !Text(parameters, "invoiceNumber", out var invoice))
        {
            return false;
        }

        var memo = Text(parameters, "memo", out var m) ? m : null;
        instruction = new PaymentInstruction(vendor, value, currency, dueDate, invoice, memo);
        return true;
    }

    /// <summary><c>$6,000.00</c>, <c>€950.00</c>, <c>1,200.00 CHF</c>: thousands separated, at least two decimals.</summary>
    public string FormattedAmount()
    {
        var digits = Amount.ToString("N" + Math.Max(2, (int)Amount.Scale).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Currency switch
        {
            "USD" => "$" + digits,
            "EUR" => "€" + digits,
            "GBP" => "£" + digits,
            _ => digits + " " + Currency,
        };
    }

    private static bool Text(JsonElement parameters, string name, out string value)
    {
        value = string.Empty;
        if (parameters.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text)
        {
            value = text;
            return true;
        }

        return false;
    }
}
