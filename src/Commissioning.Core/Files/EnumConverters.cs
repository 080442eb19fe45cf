using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Core.Files;

/// <summary>
/// The names enum values have in files: kebab-case, with a hyphen before a number
/// (<c>GpPracticeOrPcn</c> is <c>gp-practice-or-pcn</c>, <c>ProcurementAct2023</c> is
/// <c>procurement-act-2023</c>). These match the ids in <see cref="Profiles.Vocabulary"/>.
/// </summary>
internal static class EnumNames
{
    /// <summary>The file name of an enum member.</summary>
    public static string Of(string memberName)
    {
        var kebab = JsonNamingPolicy.KebabCaseLower.ConvertName(memberName);
        var name = new StringBuilder(kebab.Length + 2);
        for (var i = 0; i < kebab.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(kebab[i]) && char.IsAsciiLetter(kebab[i - 1]))
            {
                name.Append('-');
            }

            name.Append(kebab[i]);
        }

        return name.ToString();
    }

    /// <summary>The file names of every member of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type enumType) => [.. Enum.GetNames(enumType).Select(Of)];
}

/// <summary>Reads and writes every enum by its kebab-case name; numbers and other spellings are refused.</summary>
internal sealed class KebabEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(KebabEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>Reads and writes one enum by its kebab-case names.</summary>
internal sealed class KebabEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byName =
        Enum.GetValues<T>().ToFrozenDictionary(v => EnumNames.Of(v.ToString()), StringComparer.Ordinal);

    private readonly FrozenDictionary<T, string> _byValue =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => EnumNames.Of(v.ToString()));

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && _byName.TryGetValue(reader.GetString()!, out var value))
        {
            return value;
        }

        throw new JsonException($"Expected one of: {string.Join(", ", _byName.Keys)}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_byValue.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not a defined {typeof(T).Name} and has no name in the file format."));
    }
}

/// <summary>Reads and writes <see cref="IReadOnlySet{T}"/> of an enum as a list, written in enum order.</summary>
internal sealed class EnumSetConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)
        && typeToConvert.GetGenericArguments()[0].IsEnum;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(typeof(EnumSetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }
}

/// <summary>Reads and writes a set of one enum; a value listed twice is refused.</summary>
internal sealed class EnumSetConverter<T> : JsonConverter<IReadOnlySet<T>>
    where T : struct, Enum
{
    /// <inheritdoc/>
    public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a list.");
        }

        var items = (JsonConverter<T>)options.GetConverter(typeof(T));
        var set = new HashSet<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!set.Add(items.Read(ref reader, typeof(T), options)))
            {
                throw new JsonException("A value is listed more than once.");
            }
        }

        return set;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var items = (JsonConverter<T>)options.GetConverter(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value.Order())
        {
            items.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
