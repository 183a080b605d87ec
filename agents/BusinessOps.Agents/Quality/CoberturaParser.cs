using System.Globalization;
using System.Xml;
using BusinessOps.Agents.Inputs;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>Line coverage (0..1) from a Cobertura root: <c>lines-covered/lines-valid</c> when present, else <c>line-rate</c>.</summary>
internal static class CoberturaParser
{
    private const string Expectation = "Cobertura XML: a <coverage> root with line-rate (0..1) or lines-covered and lines-valid";

    public static double LineCoverage(string xml)
    {
        try
        {
            using var reader = SafeXml.Create(xml);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "coverage")
            {
                throw new BadInputException($"Field `Coverage` is invalid: expected {Expectation}.");
            }

            var covered = Number(reader.GetAttribute("lines-covered"));
            var valid = Number(reader.GetAttribute("lines-valid"));
            if (covered is { } c && valid is > 0 and { } v && c >= 0 && c <= v)
            {
                return c / v;
            }

            if (Number(reader.GetAttribute("line-rate")) is { } rate && rate is >= 0 and <= 1)
            {
                return rate;
            }

            throw new BadInputException($"Field `Coverage` is invalid: expected {Expectation}.");
        }
        catch (XmlException ex)
        {
            throw new BadInputException($"Field `Coverage` is invalid: expected {Expectation} ({ex.Message}).", ex);
        }
    }

    private static double? Number(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}
