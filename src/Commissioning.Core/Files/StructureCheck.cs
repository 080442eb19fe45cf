using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Commissioning.Core.Files;

/// <summary>
/// Checks parsed JSON against the shape of the model before it is deserialized, so that every
/// structural problem in a file is reported at once, each with its path and a plain-English
/// message: unknown and repeated fields, missing required fields, values of the wrong kind,
/// unknown enum values, dates not written as yyyy-MM-dd. Business rules are not checked here.
/// </summary>
internal sealed class StructureCheck(JsonSerializerOptions options)
{
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly List<FileProblem> _problems = [];

    /// <summary>The problems found so far, in document order.</summary>
    public IReadOnlyList<FileProblem> Problems => _problems;

    /// <summary>Checks an object against a model type, skipping the named fields (the file header).</summary>
    public void Object(JsonElement element, Type type, string path, IReadOnlyCollection<string> skipped)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Expected(path, "an object in curly braces { }", element);
            return;
        }

        var info = options.GetTypeInfo(type);
        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = JsonText.Property(path, member.Name);
            if (!seen.Add(member.Name))
            {
                Add(memberPath, $"{memberPath} appears more than once; give it once.");
            }
            else if (skipped.Contains(member.Name))
            {
                continue;
            }
            else if (!properties.TryGetValue(member.Name, out var property))
            {
                var nearest = JsonText.Nearest(member.Name, properties.Keys);
                Add(memberPath, $"{memberPath} is not a known field." + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?"));
            }
            else if (!(member.Value.ValueKind == JsonValueKind.Null && property.IsSetNullable))
            {
                Value(member.Value, property.PropertyType, memberPath);
            }
        }

        foreach (var missing in info.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
        {
            Add(path, $"{path} is missing the required field '{missing.Name}'.");
        }
    }

    private void Value(JsonElement element, Type type, string path)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            type = underlying;
        }

        if (type == typeof(string))
        {
            Require(element.ValueKind == JsonValueKind.String, path, "text in double quotes", element);
        }
        else if (type == typeof(int))
        {
            if (element.ValueKind == JsonValueKind.Number && !element.TryGetInt32(out _) && JsonText.IsHugeOrWhole(element))
            {
                TooLarge(path, element);
            }
            else
            {
                Require(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _), path, "a whole number", element);
            }
        }
        else if (type == typeof(decimal))
        {
            if (element.ValueKind == JsonValueKind.Number && !element.TryGetDecimal(out _))
            {
                // A JSON number that is not a decimal is beyond decimal's range (about 7.9e28).
                TooLarge(path, element);
            }
            else
            {
                Require(element.ValueKind == JsonValueKind.Number, path, "a number", element);
            }
        }
        else if (type == typeof(bool))
        {
            Require(element.ValueKind is JsonValueKind.True or JsonValueKind.False, path, "true or false", element);
        }
        else if (type == typeof(DateOnly))
        {
            Require(
                element.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(element.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                path, "a date written as yyyy-MM-dd, such as \"2027-04-01\"", element);
        }
        else if (type == typeof(DateTimeOffset))
        {
            Require(
                element.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParseExact(element.GetString(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                path, "a date and time with its offset from UTC, written as yyyy-MM-ddTHH:mm:ss+00:00, such as \"2027-04-01T09:30:00+00:00\"", element);
        }
        else if (type.IsEnum)
        {
            Enum(element, type, path);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            List(element, type.GetGenericArguments()[0], path, distinct: false);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlySet<>))
        {
            List(element, type.GetGenericArguments()[0], path, distinct: true);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            Dictionary(element, type.GetGenericArguments()[1], path);
        }
        else if (options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object)
        {
            Object(element, type, path, []);
        }
        else
        {
            throw new NotSupportedException($"The file formats do not describe values of type {type}.");
        }
    }

    private void Enum(JsonElement element, Type type, string path)
    {
        var names = EnumNames.All(type);
        var allowed = string.Join(", ", names);
        if (element.ValueKind != JsonValueKind.String)
        {
            Expected(path, $"one of: {allowed}", element);
        }
        else if (!names.Contains(element.GetString()!, StringComparer.Ordinal))
        {
            Add(path, $"'{element.GetString()}' is not a known value at {path}. Use one of: {allowed}.");
        }
    }

    private void List(JsonElement element, Type itemType, string path, bool distinct)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Expected(path, "a list in square brackets [ ]", element);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = JsonText.Item(path, index++);
            if (distinct && item.ValueKind == JsonValueKind.String && !seen.Add(item.GetString()!))
            {
                Add(itemPath, $"{path} lists '{item.GetString()}' more than once; list it once.");
                continue;
            }

            Value(item, itemType, itemPath);
        }
    }

    private void Dictionary(JsonElement element, Type valueType, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Expected(path, "an object in curly braces { }", element);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = JsonText.Property(path, member.Name);
            if (!seen.Add(member.Name))
            {
                Add(memberPath, $"{memberPath} appears more than once; give it once.");
                continue;
            }

            Value(member.Value, valueType, memberPath);
        }
    }

    private void Require(bool condition, string path, string what, JsonElement element)
    {
        if (!condition)
        {
            Expected(path, what, element);
        }
    }

    private void TooLarge(string path, JsonElement element)
    {
        var raw = element.GetRawText();
        Add(path, raw.StartsWith('-')
            ? $"{path} is too far below zero to use: found the number {raw}. Check it for a typing slip."
            : $"{path} is too large to use: found the number {raw}. Check it for a typing slip.");
    }

    private void Expected(string path, string what, JsonElement element) =>
        Add(path, $"{path} should be {what}; found {JsonText.Found(element)}.");

    private void Add(string path, string message) => _problems.Add(new FileProblem(path, message));
}
