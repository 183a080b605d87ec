namespace BusinessOps.Policies.Yaml;

/// <summary>A scalar. <see cref="IsPlain"/> separates <c>null</c> (nothing) from <c>"null"</c> (text).</summary>
internal sealed record YamlText(string Value, bool IsPlain, int Line, int Column) : YamlValue(Line, Column)
{
    /// <summary>YAML 1.2 core-schema null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{YamlText.Shorten(Value)}'";

    /// <summary>Keeps messages one line and short whatever the input.</summary>
    public static string Shorten(string value)
    {
        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
    }
}
