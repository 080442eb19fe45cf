using Commissioning.Core.Tenders;

namespace Commissioning.Core.Files;

/// <summary>
/// The tender file (<c>oh-tender</c>, version 1): a <see cref="TenderPack"/> with its definition,
/// bids, scores, moderation and gate decisions. Described in docs/tender-format.md.
/// </summary>
public static class TenderFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "oh-tender";

    /// <summary>The version this toolkit reads and writes.</summary>
    public const int Version = 1;

    private static readonly JsonFileFormat<TenderPack> JsonFormat = new(Format, Version);

    /// <summary>
    /// Writes a pack as a tender file: indented, "\n" line ends, a final newline. The same pack
    /// always gives the same text, and reading it back and writing again gives identical text.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The pack holds a value the format cannot name, such as an undefined enum value.</exception>
    public static string Write(TenderPack pack) => JsonFormat.Write(pack);

    /// <summary>
    /// Reads a tender file, or lists every structural problem with its JSON path. Business rules,
    /// such as weights adding up to 100, are checked separately.
    /// </summary>
    public static FileReadResult<TenderPack> Read(string json) => JsonFormat.Read(json);
}
