using System.Xml;

namespace BusinessOps.Agents.Inputs;

/// <summary>XmlReader settings for untrusted XML: no DTDs, no external resolution, bounded size.</summary>
internal static class SafeXml
{
    public const long MaxCharacters = 2_000_000;

    public static XmlReader Create(string xml) => XmlReader.Create(new StringReader(xml), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    });
}
