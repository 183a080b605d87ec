using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessOps.Core;

/// <summary>Enum as kebab-case string (<c>needs-approval</c>).</summary>
public sealed class KebabEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
