using System.Text.Json;

namespace BusinessOps.EndToEnd.Tests;

internal static class Labels
{
    public static IReadOnlyList<string> Of(JsonElement issue) => [.. issue.GetProperty("labels").EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : l.GetProperty("name").GetString()!)];

    public static IReadOnlyList<string> Comments(JsonElement issue) => [.. issue.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()!)];
}
