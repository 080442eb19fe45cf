using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Commissioning.Core.Files;

/// <summary>
/// Reads and writes <see cref="IReadOnlyDictionary{TKey, TValue}"/> with text keys as an object,
/// written with its keys in ordinal order so that equal dictionaries give equal files.
/// </summary>
internal sealed class SortedDictionaryConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(typeof(SortedDictionaryConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;
    }
}

/// <summary>Reads and writes a dictionary with text keys; a key given twice is refused.</summary>
internal sealed class SortedDictionaryConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        var values = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        var dictionary = new Dictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            var value = JsonSerializer.Deserialize(ref reader, values) ?? throw new JsonException($"The value for '{key}' is null.");
            if (!dictionary.TryAdd(key, value))
            {
                throw new JsonException($"'{key}' is given more than once.");
            }
        }

        return dictionary;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var values = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        writer.WriteStartObject();
        foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, item, values);
        }

        writer.WriteEndObject();
    }
}
