using Commissioning.Core.Tenders;

namespace Commissioning.Core.Files;

/// <summary>
/// The declarations file (<c>oh-declarations</c>, version 1): what one provider declares against
/// the standards, for checking its readiness to bid. Described in docs/tender-format.md.
/// </summary>
public static class DeclarationsFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "oh-declarations";

    /// <summary>The version this toolkit reads and writes.</summary>
    public const int Version = 1;

    private static readonly JsonFileFormat<DeclarationsBody> JsonFormat = new(Format, Version);

    /// <summary>Writes a provider's declarations as a declarations file: indented, "\n" line ends, a final newline.</summary>
    /// <exception cref="System.Text.Json.JsonException">The declarations hold a value the format cannot name, such as an undefined enum value.</exception>
    public static string Write(string provider, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(declarations);
        return JsonFormat.Write(new DeclarationsBody { Provider = provider, Declarations = declarations });
    }

    /// <summary>Reads a declarations file, or lists every structural problem with its JSON path.</summary>
    public static FileReadResult<(string Provider, Declarations Declarations)> Read(string json)
    {
        var result = JsonFormat.Read(json);
        return result.Succeeded
            ? FileReadResult.Success((result.Value.Provider, result.Value.Declarations))
            : FileReadResult.Failure<(string Provider, Declarations Declarations)>(result.Problems);
    }
}

/// <summary>The fields of a declarations file after its header.</summary>
internal sealed record DeclarationsBody
{
    /// <summary>The provider's name.</summary>
    public required string Provider { get; init; }

    /// <summary>What the provider declares.</summary>
    public required Declarations Declarations { get; init; }
}
