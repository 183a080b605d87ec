using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessOps.GitHub.Json;

/// <summary>GitHub's issue schema allows a label to be a bare string or an object; accept both, write objects.</summary>
internal sealed class LabelDtoConverter : JsonConverter<LabelDto>
{
    public override LabelDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LabelDto(reader.GetString() ?? string.Empty);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A label must be a string or an object.");
        }

        string? name = null, color = null, description = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            switch (property)
            {
                case "name": name = value; break;
                case "color": color = value; break;
                case "description": description = value; break;
                default: break;
            }
        }

        return new LabelDto(name ?? string.Empty, color, description);
    }

    public override void Write(Utf8JsonWriter writer, LabelDto value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        if (value.Color is not null)
        {
            writer.WriteString("color", value.Color);
        }

        if (value.Description is not null)
        {
            writer.WriteString("description", value.Description);
        }

        writer.WriteEndObject();
    }
}
