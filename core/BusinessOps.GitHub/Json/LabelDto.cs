using System.Text.Json.Serialization;

namespace BusinessOps.GitHub.Json;

/// <summary>A label (issue labels may arrive as bare strings; see <see cref="LabelDtoConverter"/>).</summary>
[JsonConverter(typeof(LabelDtoConverter))]
internal sealed record LabelDto(string Name, string? Color = null, string? Description = null);
