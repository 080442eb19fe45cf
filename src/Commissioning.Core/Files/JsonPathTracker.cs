using System.Text;
using System.Text.Json;

namespace Commissioning.Core.Files;

/// <summary>
/// Follows a <see cref="Utf8JsonReader"/> through a document and knows the JSON path of the value
/// it is on, such as <c>$.bids[2].provider</c>: for messages about places the parsed document
/// cannot reach (a syntax error, text that cannot be turned into a string).
/// </summary>
internal sealed class JsonPathTracker
{
    private readonly List<Frame> _frames = [];

    /// <summary>The path of the value being read, or of the container when between values.</summary>
    public string Path => Compose(_frames.Count);

    /// <summary>The path of the object or list that holds the value being read.</summary>
    public string ContainerPath => Compose(_frames.Count - 1);

    private string Compose(int frames)
    {
        var path = "$";
        foreach (var frame in _frames.Take(frames))
        {
            path = frame.IsArray
                ? frame.Index >= 0 ? JsonText.Item(path, frame.Index) : path
                : frame.Property is { } property ? JsonText.Property(path, property) : path;
        }

        return path;
    }

    /// <summary>Takes account of the token the reader has just read.</summary>
    public void Track(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _frames[^1].Property = Name(ref reader);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                StartValue();
                _frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                _frames.RemoveAt(_frames.Count - 1);
                break;
            default:
                StartValue();
                break;
        }
    }

    /// <summary>A property name as text; one that cannot be unescaped (half a surrogate pair) is kept as written.</summary>
    private static string Name(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private void StartValue()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1].Index++;
        }
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
