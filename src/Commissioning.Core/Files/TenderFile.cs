using System.Text.Json;
using Commissioning.Core.Tenders;

namespace Commissioning.Core.Files;

/// <summary>
/// The tender file (<c>oh-tender</c>, version 3): a <see cref="TenderPack"/> with its definition,
/// bids, scores, moderation, gate decisions, price decisions and declarations of conflicts of
/// interest. Described in docs/tender-format.md.
/// </summary>
/// <remarks>
/// Version 2 added weights written as points, the quality method, the abnormally low price check
/// and the decisions on low prices; version 3 added the evaluators' declarations of conflicts of
/// interest. Every one of them is optional, so an older file is read as a version 3 file with each
/// at its default; an older file that uses a field its version does not have is refused, naming the
/// field. The toolkit always writes version 3.
/// </remarks>
public static class TenderFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "oh-tender";

    /// <summary>The version this toolkit writes, and the newest it reads.</summary>
    public const int Version = 4;

    /// <summary>The oldest version this toolkit reads.</summary>
    public const int OldestVersion = 1;

    private static readonly string[] NewLotFields = ["sectionWeights", "weights", "qualityMethod", "abnormallyLowPercent"];

    private static readonly string[] KeyDateFields = ["clarificationDeadline", "bidDeadline"];

    private static readonly JsonFileFormat<TenderPack> JsonFormat = new(Format, Version, OldestVersion, FieldsNewerThan);

    /// <summary>
    /// Writes a pack as a tender file: indented, "\n" line ends, a final newline. The same pack
    /// always gives the same text, and reading it back and writing again gives identical text.
    /// </summary>
    /// <exception cref="JsonException">The pack holds a value the format cannot name, such as an undefined enum value.</exception>
    public static string Write(TenderPack pack) => JsonFormat.Write(pack);

    /// <summary>
    /// Reads a tender file, or lists every structural problem with its JSON path. Business rules,
    /// such as weights adding up to 100, are checked separately.
    /// </summary>
    public static FileReadResult<TenderPack> Read(string json) => JsonFormat.Read(json);

    /// <summary>
    /// Reads a tender file from its UTF-8 bytes (as checked by <see cref="FileText.Utf8Text"/>), with
    /// exactly the results of <see cref="Read(string)"/> on the same text but without holding the
    /// text as a string as well: an ICS-scale tender file is over 20 MB.
    /// </summary>
    public static FileReadResult<TenderPack> Read(ReadOnlyMemory<byte> utf8) => JsonFormat.Read(utf8);

    /// <summary>
    /// The JSON path, in the file, of a property path from the tender's validators: for example
    /// <c>Tender.Lots[0].QualityWeight</c> is <c>$.tender.lots[0].qualityWeight</c>.
    /// </summary>
    public static string JsonPath(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        if (propertyPath.Length == 0)
        {
            return "$";
        }

        var parts = propertyPath.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            return JsonNamingPolicy.CamelCase.ConvertName(name) + (bracket < 0 ? string.Empty : part[bracket..]);
        });
        return "$." + string.Join('.', parts);
    }

    /// <summary>The fields an older file uses that only a later version has.</summary>
    private static IEnumerable<FileProblem> FieldsNewerThan(JsonElement root, int fileVersion)
    {
        FileProblem Newer(string path) =>
            new(path, $"{path} is not part of version {fileVersion} of the {Format} format. Change \"version\" to {Version} to use it.");

        if (fileVersion < 4 && root.TryGetProperty("tender", out var dated) && dated.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in KeyDateFields.Where(f => dated.TryGetProperty(f, out _)))
            {
                yield return Newer($"$.tender.{field}");
            }
        }

        if (fileVersion < 3 && root.TryGetProperty("conflictDeclarations", out _))
        {
            yield return Newer("$.conflictDeclarations");
        }

        if (fileVersion >= 2)
        {
            yield break;
        }

        if (root.TryGetProperty("lowPriceDecisions", out _))
        {
            yield return Newer("$.lowPriceDecisions");
        }

        if (!root.TryGetProperty("tender", out var tender) || tender.ValueKind != JsonValueKind.Object
            || !tender.TryGetProperty("lots", out var lots) || lots.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var l = 0;
        foreach (var lot in lots.EnumerateArray())
        {
            if (lot.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in NewLotFields.Where(f => lot.TryGetProperty(f, out _)))
                {
                    yield return Newer($"$.tender.lots[{l}].{field}");
                }

                if (lot.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Array)
                {
                    var s = 0;
                    foreach (var section in sections.EnumerateArray())
                    {
                        if (section.ValueKind == JsonValueKind.Object && section.TryGetProperty("questionWeights", out _))
                        {
                            yield return Newer($"$.tender.lots[{l}].sections[{s}].questionWeights");
                        }

                        s++;
                    }
                }
            }

            l++;
        }
    }
}
