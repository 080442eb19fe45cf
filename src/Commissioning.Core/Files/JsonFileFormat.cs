using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Commissioning.Core.Files;

/// <summary>
/// One versioned JSON file format: a top-level object with <c>format</c> and <c>version</c> and then
/// the fields of <typeparamref name="TBody"/>. Writing is deterministic; reading checks the header,
/// then the structure (reporting every problem), then deserializes.
/// </summary>
/// <typeparam name="TBody">The model type whose fields follow the header.</typeparam>
/// <param name="name">The format name, such as <c>oh-tender</c>.</param>
/// <param name="version">The version this toolkit writes, and the newest it reads.</param>
/// <param name="oldestVersion">The oldest version this toolkit reads (the same as <paramref name="version"/> unless older files are still read).</param>
/// <param name="newerFields">
/// For a file of an older version: the fields it uses that its version does not have, each as a
/// problem. Older versions are read only when each is a subset of the current one, so a file of
/// an older version reads as the current version with every newer field at its default.
/// </param>
internal sealed class JsonFileFormat<TBody>(string name, int version, int oldestVersion, Func<JsonElement, int, IEnumerable<FileProblem>>? newerFields = null)
    where TBody : class
{
    /// <summary>A format with one version, read and written.</summary>
    public JsonFileFormat(string name, int version)
        : this(name, version, version)
    {
    }

    private const string FormatField = "format";
    private const string VersionField = "version";
    private static readonly string[] HeaderFields = [FormatField, VersionField];

    /// <summary>Writes the header and the body: indented, "\n" line ends, a final newline.</summary>
    /// <exception cref="JsonException">The body holds a value the format cannot name, such as an undefined enum value.</exception>
    public string Write(TBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var info = FileJson.Options.GetTypeInfo(typeof(TBody));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, FileJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(FormatField, name);
            writer.WriteNumber(VersionField, version);
            foreach (var property in info.Properties)
            {
                if (property.Get!(body) is { } value)
                {
                    writer.WritePropertyName(property.Name);
                    JsonSerializer.Serialize(writer, value, property.PropertyType, FileJson.Options);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads a file of this format, or says everything that is wrong with it.</summary>
    public FileReadResult<TBody> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = json.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return FileReadResult.Failure<TBody>("$", "The file is empty.");
        }

        return ReadJson(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Reads a file of this format from its UTF-8 bytes, exactly as <see cref="Read(string)"/>
    /// reads the same text, without a copy of the text as a string: for large files.
    /// </summary>
    public FileReadResult<TBody> Read(ReadOnlyMemory<byte> utf8)
    {
        var body = utf8;
        while (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        return IsWhiteSpace(body.Span) ? FileReadResult.Failure<TBody>("$", "The file is empty.") : ReadJson(body);
    }

    /// <summary>Whether UTF-8 text is empty or only white space, as <see cref="string.IsNullOrWhiteSpace"/> judges it.</summary>
    private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out var rune, out var consumed) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            utf8 = utf8[consumed..];
        }

        return true;
    }

    private FileReadResult<TBody> ReadJson(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException exception)
        {
            return FileReadResult.Failure<TBody>([JsonSyntax.Describe(utf8.ToArray(), exception)]);
        }

        using (document)
        {
            // Valid JSON whose text cannot be read as strings (half a surrogate pair) would fail
            // later with no place named; find it first.
            var unreadable = JsonStrings.Unreadable(utf8.Span);
            if (unreadable.Count > 0)
            {
                return FileReadResult.Failure<TBody>(unreadable);
            }

            var root = document.RootElement;
            if (Header(root) is { } problem)
            {
                return FileReadResult.Failure<TBody>([problem]);
            }

            var check = new StructureCheck(FileJson.Options);
            check.Object(root, typeof(TBody), "$", HeaderFields);
            var fileVersion = root.GetProperty(VersionField).GetInt32();
            var problems = fileVersion < version && newerFields is not null
                ? [.. check.Problems, .. newerFields(root, fileVersion)]
                : check.Problems;
            if (problems.Count > 0)
            {
                return FileReadResult.Failure<TBody>(problems);
            }

            try
            {
                return FileReadResult.Success(Deserialize(root, utf8.Length));
            }
            catch (JsonException exception)
            {
                // The structure check should have caught everything; this is the backstop.
                var path = exception.Path ?? "$";
                return FileReadResult.Failure<TBody>(path, $"{path} could not be read: {exception.Message}");
            }
        }
    }

    private FileProblem? Header(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new("$", $"The file should hold one JSON object, starting with {{ and ending with }}; found {JsonText.Found(root)}.");
        }

        if (!root.TryGetProperty(FormatField, out var format))
        {
            return new("$", $"The file does not say which format it is in: it should start with \"format\": \"{name}\".");
        }

        if (format.ValueKind != JsonValueKind.String)
        {
            return new("$.format", $"$.format should be text, such as \"{name}\"; found {JsonText.Found(format)}.");
        }

        var actual = format.GetString()!;
        if (!string.Equals(actual, name, StringComparison.Ordinal))
        {
            var expected = $"expected {JsonText.Article(name)} '{name}' file.";
            return new("$.format", FileJson.KnownFormats.Contains(actual, StringComparer.Ordinal)
                ? $"This is {JsonText.Article(actual)} '{actual}' file; {expected}"
                : $"'{actual}' is not a file format this toolkit knows; {expected}");
        }

        if (!root.TryGetProperty(VersionField, out var versionElement))
        {
            return new("$", $"The file does not say which version of the {name} format it uses: it should have \"version\": {version}.");
        }

        if (versionElement.ValueKind == JsonValueKind.Number && !versionElement.TryGetInt32(out _) && JsonText.IsHugeOrWhole(versionElement))
        {
            return new("$.version", $"$.version is too large: found the number {versionElement.GetRawText()}. This toolkit reads version {version}.");
        }

        if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var actualVersion))
        {
            return new("$.version", $"$.version should be a whole number, such as {version}; found {JsonText.Found(versionElement)}.");
        }

        if (actualVersion >= oldestVersion && actualVersion <= version)
        {
            return null;
        }

        var reads = oldestVersion == version ? $"version {version}"
            : oldestVersion == version - 1 ? $"versions {oldestVersion} and {version}"
            : $"versions {oldestVersion} to {version}";
        return new("$.version", $"This file is version {actualVersion} of the {name} format; this toolkit reads {reads}.");
    }

    /// <summary>Deserializes the body: the root object without its header fields.</summary>
    private static TBody Deserialize(JsonElement root, int length)
    {
        // Sized for the whole file at once (the body is a little shorter), so that a large file
        // is not copied again and again as the buffer grows.
        var buffer = new ArrayBufferWriter<byte>(Math.Max(length, 256));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!HeaderFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<TBody>(buffer.WrittenSpan, FileJson.Options)
            ?? throw new JsonException("The file holds null.");
    }
}
