using System.Collections;

namespace Commissioning.NhsUk.Html;

/// <summary>
/// Extra attributes for an element, in order, as the design system's <c>attributes</c> option
/// gives them. A null value is written as an empty value (<c>name=""</c>).
/// </summary>
public sealed class AttributeList : IEnumerable<KeyValuePair<string, string?>>
{
    private readonly List<KeyValuePair<string, string?>> _items = [];

    /// <summary>An empty list.</summary>
    public AttributeList()
    {
    }

    /// <summary>A list holding the attributes given, in their order.</summary>
    public AttributeList(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var (name, value) in attributes)
        {
            Add(name, value);
        }
    }

    /// <summary>How many attributes there are.</summary>
    public int Count => _items.Count;

    /// <summary>Adds an attribute, or replaces the value of one already there.</summary>
    public void Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var index = _items.FindIndex(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _items[index] = new(_items[index].Key, value);
        }
        else
        {
            _items.Add(new(name, value));
        }
    }

    /// <summary>The value of an attribute, or null when it is absent.</summary>
    public string? this[string name] => _items.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Whether an attribute is present.</summary>
    public bool Contains(string name) => _items.Exists(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
