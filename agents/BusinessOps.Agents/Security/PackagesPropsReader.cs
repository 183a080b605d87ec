using System.Xml;
using BusinessOps.Agents.Inputs;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Security;

/// <summary>
/// NuGet versions from MSBuild XML: <c>Directory.Packages.props</c> (<c>PackageVersion</c>) and project files
/// (<c>PackageReference</c> with a <c>Version</c>), by <c>Include</c> or <c>Update</c>. Never evaluated: a version
/// written as an MSBuild property (<c>$(X)</c>) is listed as it is and left unaudited.
/// </summary>
internal static class PackagesPropsReader
{
    public static IReadOnlyList<DependencyReference> Read(string xml, string source, string field)
    {
        var found = new List<DependencyReference>();
        try
        {
            using var reader = SafeXml.Create(xml);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Project")
            {
                throw new BadInputException($"Field `{field}` is invalid: expected MSBuild XML with a <Project> root (Directory.Packages.props), got <{reader.LocalName}>.");
            }

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "PackageVersion" or "PackageReference"
                    && (reader.GetAttribute("Include") ?? reader.GetAttribute("Update")) is { Length: > 0 } name
                    && reader.GetAttribute("Version") is { Length: > 0 } version)
                {
                    found.Add(new DependencyReference("nuget", name.Trim(), version.Trim(), source));
                }
            }
        }
        catch (XmlException ex)
        {
            throw new BadInputException($"Field `{field}` is invalid: expected the XML of Directory.Packages.props ({ex.Message}).", ex);
        }

        return found;
    }
}
