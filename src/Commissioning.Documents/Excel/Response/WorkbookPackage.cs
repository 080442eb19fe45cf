using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Commissioning.Documents.Excel.Response;

/// <summary>
/// Checks the bytes of an uploaded workbook before any spreadsheet library opens them: the size,
/// that it is an .xlsx zip package at all, the uncompressed size of every entry as the zip's
/// central directory declares it (all checked before anything is decompressed), then each entry
/// decompressed with a hard cap so that a directory that understates a size is caught too; and
/// that it holds no macros, external links, data connections, ActiveX controls, embedded objects
/// or XML document type declarations (the route to entity expansion). Limits are the toolkit's
/// own judgement, set well above what a filled response workbook needs (see docs/response-workbook.md).
/// </summary>
public static class WorkbookPackage
{
    /// <summary>The largest file accepted, in bytes (10 MB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>The largest uncompressed entry accepted, in bytes (16 MB).</summary>
    public const long MaxEntryBytes = 16L * 1024 * 1024;

    /// <summary>The largest total uncompressed size accepted, in bytes (48 MB).</summary>
    public const long MaxTotalBytes = 48L * 1024 * 1024;

    /// <summary>The most entries accepted in the zip package.</summary>
    public const int MaxEntries = 200;

    /// <summary>The most cells accepted on one worksheet.</summary>
    public const int MaxCellsPerSheet = 50_000;

    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmpty = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const string Macros = "The file contains macros or is a macro-enabled workbook (.xlsm). Macros are never run and such files are refused: save the workbook in Excel as an Excel Workbook (.xlsx), then import it again.";

    private const string SaveAsXlsx = "Open it in Excel and save it as an Excel Workbook (.xlsx), then import it again.";

    /// <summary>Every problem found with the file as a package; empty when it may be opened.</summary>
    public static IReadOnlyList<WorkbookProblem> Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return [WorkbookProblem.File("The file is empty. Choose the response workbook (.xlsx) the provider filled in.")];
        }

        if (bytes.Length > MaxFileBytes)
        {
            return [WorkbookProblem.File($"The file is {Megabytes(bytes.Length)}; a response workbook is never more than {Megabytes(MaxFileBytes)}. Check that this is the right file.")];
        }

        if (bytes.AsSpan().StartsWith(CompoundFile))
        {
            return [WorkbookProblem.File("The file is protected with a password to open it, or is an older Excel 97-2003 workbook (.xls). Save it in Excel as an Excel Workbook (.xlsx) with no password to open, then import it again.")];
        }

        if (bytes.AsSpan().StartsWith(ZipEmpty))
        {
            return [WorkbookProblem.File("The file is an empty zip archive, not an Excel workbook. Choose the response workbook (.xlsx) the provider filled in.")];
        }

        if (!bytes.AsSpan().StartsWith(ZipLocalHeader))
        {
            return [WorkbookProblem.File(NotAWorkbook(bytes))];
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return CheckEntries(zip);
        }
        catch (InvalidDataException)
        {
            return [WorkbookProblem.File($"The file is damaged: its zip structure cannot be read, perhaps because it was not copied or downloaded in full. {SaveAsXlsx}")];
        }
    }

    private static List<WorkbookProblem> CheckEntries(ZipArchive zip)
    {
        var problems = new List<WorkbookProblem>();
        var entries = zip.Entries;
        if (entries.Count > MaxEntries)
        {
            return [WorkbookProblem.File($"The file holds {entries.Count:N0} parts; a response workbook has fewer than {MaxEntries}. It is not a workbook this toolkit made, or something has been added to it.")];
        }

        // Sizes as the central directory declares them, all checked before anything is decompressed.
        long declaredTotal = 0;
        foreach (var entry in entries)
        {
            declaredTotal += entry.Length;
            if (entry.Length > MaxEntryBytes)
            {
                problems.Add(WorkbookProblem.File($"The part '{Shown(entry.FullName)}' would expand to {Megabytes(entry.Length)}, more than the {Megabytes(MaxEntryBytes)} allowed for one part. The file is refused unread: it may be a zip bomb."));
            }
        }

        if (declaredTotal > MaxTotalBytes)
        {
            problems.Add(WorkbookProblem.File($"The file would expand to {Megabytes(declaredTotal)}, more than the {Megabytes(MaxTotalBytes)} allowed. The file is refused unread: it may be a zip bomb."));
        }

        var duplicate = entries.GroupBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add(WorkbookProblem.File($"The file holds two parts named '{Shown(duplicate.Key)}'. A workbook never does; the file has been altered or is damaged."));
        }

        if (entries.FirstOrDefault(e => OutsideThePackage(e.FullName)) is { } climbing)
        {
            problems.Add(WorkbookProblem.File($"The file is damaged: it holds a part named '{Shown(climbing.FullName)}', which points outside the workbook. Excel never writes one. {SaveAsXlsx}"));
        }

        problems.AddRange(ForbiddenParts(entries));
        if (problems.Count > 0)
        {
            return problems;
        }

        var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("[Content_Types].xml") || !names.Contains("xl/workbook.xml"))
        {
            return [WorkbookProblem.File(names.Contains("xl/workbook.bin")
                ? $"The file is an Excel Binary Workbook (.xlsb). {SaveAsXlsx}"
                : names.Contains("word/document.xml") || names.Contains("ppt/presentation.xml")
                    ? "The file is a Word or PowerPoint document, not an Excel workbook. Choose the response workbook (.xlsx) the provider filled in."
                    : "The file is a zip archive but not an Excel workbook: it has no workbook inside. Choose the response workbook (.xlsx) the provider filled in.")];
        }

        // Now decompress each part with a hard cap: the directory's sizes are only claims.
        long actualTotal = 0;
        var sheets = new List<(string Name, byte[] Content)>();
        byte[]? sharedStrings = null;
        foreach (var entry in entries)
        {
            var (content, problem) = Expand(entry, actualTotal);
            if (problem is not null)
            {
                return [problem];
            }

            actualTotal += content!.Length;
            if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                sheets.Add((entry.FullName, content));
            }
            else if (entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                sharedStrings = content;
            }

            if (IsXml(entry.FullName) && XmlProblem(entry.FullName, content) is { } xmlProblem)
            {
                problems.Add(xmlProblem);
            }
            else if (entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
                && (content.AsSpan().IndexOf("macroEnabled"u8) >= 0 || content.AsSpan().IndexOf("vbaProject"u8) >= 0))
            {
                problems.Add(WorkbookProblem.File(Macros));
            }
        }

        if (problems.Count == 0 && SharedStringOutOfRange(sheets, sharedStrings) is { } damaged)
        {
            problems.Add(damaged);
        }

        return problems;
    }

    /// <summary>
    /// A part name that climbs out of the package (<c>../</c>) or is an absolute path. Nothing here
    /// ever writes a part to disk, but a package holding one was not saved by Excel.
    /// </summary>
    private static bool OutsideThePackage(string name)
    {
        var path = name.Replace('\\', '/');
        return path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Split('/').Any(part => part == "..");
    }

    /// <summary>
    /// A cell that holds shared text by its number in the workbook's table of text, where the number
    /// is past the table's end. A spreadsheet library shows such a cell as blank, so an answer would
    /// be lost without a word; the workbook is damaged instead. The parts have already been checked
    /// for document type declarations, so no entity is ever expanded here.
    /// </summary>
    private static WorkbookProblem? SharedStringOutOfRange(List<(string Name, byte[] Content)> sheets, byte[]? sharedStrings)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            var count = 0;
            if (sharedStrings is not null)
            {
                using var table = XmlReader.Create(new MemoryStream(sharedStrings, writable: false), settings);
                while (table.Read())
                {
                    if (table.NodeType == XmlNodeType.Element && table.LocalName == "si" && table.Depth == 1)
                    {
                        count++;
                    }
                }
            }

            foreach (var (name, content) in sheets)
            {
                using var sheet = XmlReader.Create(new MemoryStream(content, writable: false), settings);
                while (sheet.Read())
                {
                    if (sheet.NodeType != XmlNodeType.Element || sheet.LocalName != "c" || sheet.GetAttribute("t") != "s")
                    {
                        continue;
                    }

                    var address = sheet.GetAttribute("r") ?? "?";
                    if (sheet.IsEmptyElement)
                    {
                        continue;
                    }

                    var depth = sheet.Depth;
                    while (sheet.Read() && sheet.Depth > depth)
                    {
                        if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "v")
                        {
                            var text = sheet.ReadElementContentAsString();
                            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= count)
                            {
                                return WorkbookProblem.File($"The file is damaged: cell {Shown(address)} in the part '{Shown(name)}' refers to text the workbook does not hold, so what was typed there is lost. {SaveAsXlsx}");
                            }

                            break;
                        }
                    }
                }
            }
        }
        catch (XmlException)
        {
            // Malformed XML is for the spreadsheet library to report as a damaged file.
        }

        return null;
    }

    private static (byte[]? Content, WorkbookProblem? Problem) Expand(ZipArchiveEntry entry, long totalSoFar)
    {
        var cap = Math.Min(entry.Length, MaxEntryBytes);
        using var buffer = new MemoryStream((int)Math.Min(cap, 1 << 20));
        try
        {
            using var stream = entry.Open();
            var chunk = new byte[81_920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > cap)
                {
                    return (null, WorkbookProblem.File($"The part '{Shown(entry.FullName)}' expands to more than the zip's directory says it does ({entry.Length:N0} bytes). The file is refused: it has been altered and may be a zip bomb."));
                }

                if (totalSoFar + buffer.Length > MaxTotalBytes)
                {
                    return (null, WorkbookProblem.File($"The file expands to more than the {Megabytes(MaxTotalBytes)} allowed. The file is refused: it may be a zip bomb."));
                }
            }
        }
        catch (InvalidDataException)
        {
            return (null, WorkbookProblem.File($"The file is damaged: the part '{Shown(entry.FullName)}' cannot be decompressed. {SaveAsXlsx}"));
        }
        catch (NotSupportedException)
        {
            return (null, WorkbookProblem.File($"The part '{Shown(entry.FullName)}' is compressed or encrypted in a way Excel does not use. {SaveAsXlsx}"));
        }

        if (buffer.Length != entry.Length)
        {
            return (null, WorkbookProblem.File($"The part '{Shown(entry.FullName)}' expands to {buffer.Length:N0} bytes, not the {entry.Length:N0} the zip's directory says. The file is damaged or has been altered. {SaveAsXlsx}"));
        }

        return (buffer.ToArray(), null);
    }

    private static IEnumerable<WorkbookProblem> ForbiddenParts(IEnumerable<ZipArchiveEntry> entries)
    {
        var names = entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        bool Any(Func<string, bool> test) => names.Any(test);
        bool Under(string name, string folder) => name.StartsWith(folder, StringComparison.OrdinalIgnoreCase);

        if (Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || Under(n, "xl/macrosheets/") || Under(n, "xl/dialogsheets/") || Under(n, "customUI/")))
        {
            yield return WorkbookProblem.File(Macros);
        }

        if (Any(n => Under(n, "xl/externalLinks/")))
        {
            yield return WorkbookProblem.File("The file links to other workbooks (external links). Links are never followed and such files are refused: in Excel, use Data > Edit Links > Break Link, save, then import it again.");
        }

        if (Any(n => n.Equals("xl/connections.xml", StringComparison.OrdinalIgnoreCase) || Under(n, "xl/queryTables/")))
        {
            yield return WorkbookProblem.File("The file has data connections to outside sources. Such files are refused: remove the connections (Data > Queries & Connections), save, then import it again.");
        }

        if (Any(n => Under(n, "xl/activeX/")))
        {
            yield return WorkbookProblem.File("The file contains ActiveX controls. Such files are refused: use a fresh copy of the response workbook and type the answers into it.");
        }

        if (Any(n => Under(n, "xl/embeddings/")))
        {
            yield return WorkbookProblem.File("The file contains embedded files or objects. Such files are refused: send documents separately from the workbook, and list them on the Evidence sheet.");
        }
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private static WorkbookProblem? XmlProblem(string name, byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith((byte[])[0xFF, 0xFE]) || span.StartsWith((byte[])[0xFE, 0xFF]) || (span.Length > 1 && span[1] == 0))
        {
            return WorkbookProblem.File($"The part '{Shown(name)}' is not saved as UTF-8, as Excel saves every part. The file has been altered. {SaveAsXlsx}");
        }

        if (HasDeclaration(span))
        {
            return WorkbookProblem.File($"The part '{Shown(name)}' contains an XML document type declaration (DOCTYPE or ENTITY). Excel never writes one, and it can make a reader expand text without limit, so the file is refused unread. {SaveAsXlsx}");
        }

        if (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && CountCells(span) > MaxCellsPerSheet)
        {
            return WorkbookProblem.File($"The part '{Shown(name)}' holds more than {MaxCellsPerSheet:N0} cells; a response workbook has far fewer. The file is refused unread.");
        }

        return null;
    }

    /// <summary>Whether the XML has "&lt;!DOCTYPE" or "&lt;!ENTITY" in any case.</summary>
    private static bool HasDeclaration(ReadOnlySpan<byte> xml)
    {
        var rest = xml;
        int at;
        while ((at = rest.IndexOf("<!"u8)) >= 0)
        {
            rest = rest[(at + 2)..];
            if (StartsWithIgnoringCase(rest, "DOCTYPE"u8) || StartsWithIgnoringCase(rest, "ENTITY"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> upper)
    {
        if (text.Length < upper.Length)
        {
            return false;
        }

        for (var i = 0; i < upper.Length; i++)
        {
            if ((text[i] & 0xDF) != upper[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int CountCells(ReadOnlySpan<byte> xml)
    {
        var count = 0;
        var rest = xml;
        int at;
        while ((at = rest.IndexOf("<c"u8)) >= 0)
        {
            rest = rest[(at + 2)..];
            if (rest.Length > 0 && rest[0] is (byte)' ' or (byte)'>' or (byte)'/')
            {
                count++;
            }
        }

        return count;
    }

    private static string NotAWorkbook(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        if (head.StartsWith("%PDF"u8))
        {
            return "The file is a PDF, not an Excel workbook. Choose the response workbook (.xlsx) the provider filled in.";
        }

        if (!head.Contains((byte)0) && IsUtf8(head))
        {
            var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            return text.StartsWith('<')
                ? "The file is text (HTML or XML), not an Excel workbook, even if its name ends .xlsx. " + SaveAsXlsx
                : text.StartsWith('{')
                    ? "The file is JSON text, not an Excel workbook. Choose the response workbook (.xlsx) the provider filled in."
                    : "The file is text (perhaps a CSV file renamed .xlsx), not an Excel workbook. " + SaveAsXlsx;
        }

        return "The file is not an Excel workbook (.xlsx): it does not start as one does. Choose the response workbook the provider filled in.";
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        // The last few bytes may be a character cut in half by the 4 KB sample.
        var trimmed = bytes.Length == 4096 ? bytes[..^4] : bytes;
        return System.Text.Unicode.Utf8.IsValid(trimmed);
    }

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024d):0.#} MB")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB");

    /// <summary>A part name as it may be shown: control characters replaced, cut to 80 characters.</summary>
    private static string Shown(string name)
    {
        var clean = new string([.. name.Select(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? '?' : c)]);
        return clean.Length > 80 ? clean[..80] + "…" : clean;
    }
}
