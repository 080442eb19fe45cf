using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Tests.Components;

/// <summary>One case from a design-system fixture file.</summary>
/// <param name="Component">The component's name, as the file is named.</param>
/// <param name="Index">Its place in the file, from 1.</param>
/// <param name="Name">The case's name in the file (names repeat).</param>
/// <param name="Context">The macro options it is rendered with.</param>
/// <param name="CallBlock">The call block's HTML, if it has one.</param>
/// <param name="Html">The HTML the design system's own template renders.</param>
/// <param name="ExpectsTemplateError">True when the design system expects its template to refuse the options.</param>
public sealed record FixtureCase(string Component, int Index, string Name, JsonObject Context, string? CallBlock, string Html, bool ExpectsTemplateError)
{
    /// <inheritdoc />
    public override string ToString() => $"{Component} #{Index} {Name}";
}

/// <summary>Reads the vendored fixtures (nhsuk-frontend 10.6.1) and turns a case's options into a component's options type.</summary>
public static class DesignSystemFixtures
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new HtmlContentConverter(), new AttributeListConverter() },
    };

    /// <summary>The folder holding the fixture files.</summary>
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Components", "Fixtures");

    /// <summary>Every case of one component, in file order.</summary>
    public static IReadOnlyList<FixtureCase> Load(string component)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Components", "Fixtures", component + ".json");
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var cases = new List<FixtureCase>();
        var index = 0;
        foreach (var node in root["fixtures"]!.AsArray())
        {
            var fixture = node!.AsObject();
            index++;
            cases.Add(new FixtureCase(
                component,
                index,
                fixture["name"]!.GetValue<string>(),
                fixture["context"]?.AsObject() ?? [],
                fixture["callBlock"]?.GetValue<string>(),
                fixture["html"]!.GetValue<string>(),
                fixture["options"]?["throwOnError"] is not null));
        }

        return cases;
    }

    /// <summary>
    /// The case's options as <typeparamref name="T"/>, or the reason they cannot be: the first
    /// option the type does not offer (the site never uses it), or an option given in a shape the
    /// type does not take. Options the macro accepts as text or as an object (a label given as a
    /// string) are read as the object with that text, as the templates do.
    /// </summary>
    public static T? Options<T>(FixtureCase fixture, out string? notOffered)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var problems = new List<string>();
        var shaped = Shape(fixture.Context.DeepClone(), typeof(T), string.Empty, problems);
        if (problems.Count > 0)
        {
            notOffered = problems[0];
            return null;
        }

        notOffered = null;
        var options = shaped.Deserialize<T>(Json)!;
        if (fixture.CallBlock is { } block)
        {
            var content = typeof(T).GetProperty("Content");
            if (content is null)
            {
                notOffered = "a call block (content between tags), which this component does not take";
                return null;
            }

            content.SetValue(options, new HtmlString(block));
        }

        return options;
    }

    /// <summary>
    /// Walks the options alongside the type they become: wraps text given for an object with a
    /// Text property, wraps a list given for an object with an Items list (the templates take
    /// <c>actions: [...]</c> for <c>actions: { items: [...] }</c>), reads an entry given as false in
    /// a list of options or of lists as an empty entry (the templates skip it: a page writes
    /// <c>item if condition else false</c>), turns numbers and booleans given for text into text,
    /// and notes any option the type does not have.
    /// </summary>
    private static JsonNode? Shape(JsonNode? node, Type type, string path, List<string> problems)
    {
        if (node is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? JsonValue.Create(value.GetValueKind() switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => value.ToJsonString() })
                : node;
        }

        if (target == typeof(int))
        {
            if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String && int.TryParse(text.GetValue<string>(), out var number))
            {
                return JsonValue.Create(number);
            }

            return node;
        }

        if (target == typeof(bool) || target == typeof(IHtmlContent) || target == typeof(AttributeList))
        {
            if (target == typeof(bool) && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"'{path}' given as {node.ToJsonString()}");
            }

            return node;
        }

        if (ItemType(target) is { } itemType)
        {
            if (node is not JsonArray array)
            {
                problems.Add($"'{path}' given as {node.GetValueKind()}, not a list");
                return node;
            }

            for (var i = 0; i < array.Count; i++)
            {
                array[i] = IsFalse(array[i]) && IsOptionsOrList(itemType)
                    ? null
                    : Shape(array[i]?.DeepClone(), itemType, $"{path}[{i}]", problems);
            }

            return array;
        }

        if (IsOptionsType(target))
        {
            if (node is JsonValue shorthand && shorthand.GetValueKind() == JsonValueKind.String && Property(target, "text") is not null)
            {
                return new JsonObject { ["text"] = shorthand.GetValue<string>() };
            }

            // errorMessage: true marks a field as in error without a message; false is no error.
            if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False && Property(target, "highlightOnly") is not null)
            {
                return node.GetValueKind() == JsonValueKind.True ? new JsonObject { ["highlightOnly"] = true } : null;
            }

            if (node is JsonArray items && Property(target, "items") is { } itemsProperty && ItemType(itemsProperty.PropertyType) is not null)
            {
                return Shape(new JsonObject { ["items"] = items.DeepClone() }, target, path, problems);
            }

            if (node is not JsonObject obj)
            {
                problems.Add($"'{path}' given as {node.ToJsonString()}");
                return node;
            }

            foreach (var (key, value) in obj.ToList())
            {
                var childPath = path.Length == 0 ? key : $"{path}.{key}";
                if (Property(target, key) is not { } property)
                {
                    problems.Add($"'{childPath}'");
                    continue;
                }

                obj[key] = Shape(value?.DeepClone(), property.PropertyType, childPath, problems);
            }

            return obj;
        }

        return node;
    }

    private static bool IsOptionsType(Type type) => type.IsClass && type.Namespace == "Commissioning.NhsUk.Components";

    private static bool IsFalse(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.False;

    private static bool IsOptionsOrList(Type type) =>
        ItemType(type) is not null || (type.IsClass && type.Namespace == "Commissioning.NhsUk.Components");

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && JsonNamingPolicy.CamelCase.ConvertName(p.Name) == jsonName);

    private static Type? ItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    /// <summary>HTML given in a fixture is trusted markup.</summary>
    private sealed class HtmlContentConverter : JsonConverter<IHtmlContent>
    {
        public override IHtmlContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? new HtmlString(reader.GetString()) : throw new JsonException("HTML must be a string");

        public override void Write(Utf8JsonWriter writer, IHtmlContent value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    /// <summary>The macro's <c>attributes</c> object, in order; numbers and booleans become text.</summary>
    private sealed class AttributeListConverter : JsonConverter<AttributeList>
    {
        public override AttributeList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var list = new AttributeList();
            foreach (var (name, value) in JsonNode.Parse(ref reader)!.AsObject())
            {
                list.Add(name, value switch
                {
                    null => null,
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    JsonValue v => v.ToJsonString(),
                    _ => throw new JsonException($"attribute '{name}' given as {value.ToJsonString()}"),
                });
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, AttributeList value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
