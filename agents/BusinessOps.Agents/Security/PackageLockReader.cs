using System.Text.Json;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Security;

/// <summary>
/// npm versions from <c>package-lock.json</c>: lockfile v2/v3 <c>packages</c> (<c>node_modules/a/node_modules/b</c> → <c>b</c>)
/// and v1 <c>dependencies</c> (nested). Every installed copy is listed, so a vulnerable transitive copy is found too.
/// </summary>
internal static class PackageLockReader
{
    private const int MaxPackages = 50_000;
    private const string NodeModules = "node_modules/";

    public static IReadOnlyList<DependencyReference> Read(string json, string source, string field)
    {
        var found = new List<DependencyReference>();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException($"Field `{field}` is invalid: expected package-lock.json (a JSON object with `packages` or `dependencies`).");
            }

            if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in packages.EnumerateObject().Take(MaxPackages))
                {
                    var at = p.Name.LastIndexOf(NodeModules, StringComparison.Ordinal);
                    if (at >= 0 && Version(p.Value) is { } version)
                    {
                        found.Add(new DependencyReference("npm", p.Name[(at + NodeModules.Length)..], version, source));
                    }
                }
            }
            else if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                Walk(dependencies, found, source);
            }
            else
            {
                throw new BadInputException($"Field `{field}` is invalid: expected package-lock.json with a `packages` (lockfile v2/v3) or `dependencies` (v1) object.");
            }
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"Field `{field}` is invalid: expected package-lock.json ({ex.Message.Split('.')[0]}, line {ex.LineNumber + 1}).", ex);
        }

        return found;
    }

    private static void Walk(JsonElement dependencies, List<DependencyReference> found, string source)
    {
        foreach (var d in dependencies.EnumerateObject())
        {
            if (found.Count >= MaxPackages || d.Value.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (Version(d.Value) is { } version)
            {
                found.Add(new DependencyReference("npm", d.Name, version, source));
            }

            if (d.Value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                Walk(nested, found, source);
            }
        }
    }

    private static string? Version(JsonElement package) =>
        package.ValueKind == JsonValueKind.Object && package.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
