namespace BusinessOps.Policies.Validation;

/// <summary>The accepted spellings of one enum-like setting, so messages list exactly what parsing accepts.</summary>
internal sealed class Choices<T>(string what, params (string Name, T Value)[] items)
    where T : struct
{
    public string What => what;

    public IEnumerable<string> Names => items.Select(i => i.Name);

    public string List => string.Join(", ", Names);

    public bool TryParse(string text, out T value)
    {
        foreach (var (name, v) in items)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string NameOf(T value)
    {
        foreach (var (name, v) in items)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }

        return value.ToString() ?? string.Empty;
    }
}
