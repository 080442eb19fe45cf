using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Response;

/// <summary>One malformed or hostile workbook and the problem it must give.</summary>
/// <param name="Name">What the case is.</param>
/// <param name="Bytes">The file.</param>
/// <param name="Location">Where the problem must be reported: "the file", "sheet Answers" or "Prices!B5".</param>
/// <param name="Message">Text the problem's message must contain.</param>
/// <param name="IntoFullExample">Imported into the example tender with its six bids (for a repeated bid id) rather than the bare tender.</param>
internal sealed record HostileCase(string Name, byte[] Bytes, string Location, string Message, bool IntoFullExample = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// Generates the corpus of malformed and hostile response workbooks: files that are not workbooks,
/// zip bombs and damaged packages, macros, links and entity declarations, workbooks for another
/// tender or edited identities, edited structures, and cells holding formulas or bad values. Every
/// file is made here, from a valid workbook or from nothing; none is committed.
/// </summary>
internal static class HostileWorkbooks
{
    private const string File = "the file";
    private const string Decl = ResponseLayout.DeclarationsSheet;

    private static readonly Lazy<IReadOnlyList<HostileCase>> All = new(() => [.. Generate()]);

    /// <summary>The corpus, generated once per test run.</summary>
    public static IReadOnlyList<HostileCase> Cases => All.Value;

    private static Tender Tender => ResponseWorkbooks.ExamplePack.Tender;

    private static ResponseLayout Layout => ResponseLayout.For(Tender, "lot-1", Repository.Standards);

    private static IEnumerable<HostileCase> Generate()
    {
        var bid = ResponseWorkbooks.ExampleBid();
        var valid = ResponseWorkbooks.Filled(bid);
        return FilesThatAreNotWorkbooks()
            .Concat(Packages(valid))
            .Concat(Identities(bid, valid))
            .Concat(Structures(valid))
            .Concat(Formulas(valid))
            .Concat(Values(valid))
            .Concat(CellsOnceMisread(valid));
    }

    /// <summary>The Declarations, Answers and Prices sheets' parts, as the writer lays them out (sheets in order).</summary>
    private const string DeclarationsPart = "xl/worksheets/sheet2.xml";
    private const string AnswersPart = "xl/worksheets/sheet4.xml";
    private const string PricesPart = "xl/worksheets/sheet5.xml";

    /// <summary>
    /// Cells written as other spreadsheet programs write them, which the reader once crashed on or
    /// misread: a date style on a number no date can be, a date style on a negative number, a
    /// shared-string index past the table; and packages whose part names climb out of the package.
    /// </summary>
    private static IEnumerable<HostileCase> CellsOnceMisread(byte[] valid)
    {
        var layout = Layout;
        var seqohsDate = $"{ResponseLayout.DeclarationInputColumn}{layout.Row(DeclarationField.SeqohsDate).Row}";
        var esrDate = $"{ResponseLayout.DeclarationInputColumn}{layout.Row(DeclarationField.EsrDate).Row}";
        var dateStyle = StyleOf(valid, DeclarationsPart, seqohsDate);
        yield return new("date-styled number too large for a date", RawCell(valid, DeclarationsPart, seqohsDate, type: null, "10000000", dateStyle), $"{Decl}!{seqohsDate}", "Should be a date between 1990 and 2100, such as 3 July 2023; found a number (10000000) formatted as a date.");
        yield return new("date-styled price too large for a date", RawCell(valid, PricesPart, "B5", type: null, "10000000", dateStyle), "Prices!B5", "formatted as a date");
        yield return new("date-styled ordinary price", RawCell(valid, PricesPart, "B6", type: null, "2010000", dateStyle), "Prices!B6", "formatted as a date");
        yield return new("date-styled minus five (25 December 1899)", RawCell(valid, DeclarationsPart, seqohsDate, type: null, "-5", dateStyle), $"{Decl}!{seqohsDate}", "Should be a date between 1990 and 2100; found 25 December 1899.");
        yield return new("date-styled 219000 (the year 2499)", RawCell(valid, DeclarationsPart, esrDate, type: null, "219000", dateStyle), $"{Decl}!{esrDate}", "Should be a date between 1990 and 2100; found 6 August 2499");
        yield return new("text date before 1990", ResponseWorkbooks.Edit(valid, b => SetCell(b, $"{Decl}!{seqohsDate}", "3 July 1899")), $"{Decl}!{seqohsDate}", "Should be a date between 1990 and 2100; found 3 July 1899");
        yield return new("shared-string index past the table", RawCell(valid, AnswersPart, "F5", type: "s", "999999", style: null), File, "refers to text the workbook does not hold");
        yield return new("part name climbing out of the package", Zip(valid, z => Put(z, "../../evil.txt", "x"u8.ToArray())), File, "points outside the workbook");
        yield return new("part name that is an absolute path", Zip(valid, z => Put(z, "/etc/cron.d/evil", "x"u8.ToArray())), File, "points outside the workbook");
    }

    /// <summary>The style index (the <c>s</c> attribute) of a cell as written.</summary>
    private static string StyleOf(byte[] workbook, string part, string address)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(part)!.Open();
        var sheet = System.Xml.Linq.XDocument.Load(stream);
        return sheet.Descendants(SpreadsheetMain + "c").Single(c => (string?)c.Attribute("r") == address).Attribute("s")!.Value;
    }

    private static readonly System.Xml.Linq.XNamespace SpreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// The workbook with one cell rewritten in the sheet's XML, as another program might write it:
    /// its type (<c>t</c>; null for a number), its value (<c>v</c>; null for none) and style.
    /// </summary>
    internal static byte[] RawCell(byte[] workbook, string part, string address, string? type, string? value, string? style) => Zip(workbook, z =>
    {
        System.Xml.Linq.XDocument sheet;
        using (var stream = z.GetEntry(part)!.Open())
        {
            sheet = System.Xml.Linq.XDocument.Load(stream);
        }

        var cell = sheet.Descendants(SpreadsheetMain + "c").Single(c => (string?)c.Attribute("r") == address);
        cell.RemoveNodes();
        cell.SetAttributeValue("t", type);
        if (style is not null)
        {
            cell.SetAttributeValue("s", style);
        }

        if (value is not null)
        {
            cell.Add(new System.Xml.Linq.XElement(SpreadsheetMain + "v", value));
        }

        using var output = new MemoryStream();
        sheet.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
        Put(z, part, output.ToArray());
    });

    private static IEnumerable<HostileCase> FilesThatAreNotWorkbooks()
    {
        yield return new("empty file", [], File, "The file is empty.");
        yield return new("one byte", "x"u8.ToArray(), File, "perhaps a CSV file renamed .xlsx");
        yield return new("CSV renamed .xlsx", Encoding.UTF8.GetBytes("Question,Answer\nQ1.1,=cmd|' /C calc'!A0\n"), File, "perhaps a CSV file renamed .xlsx");
        yield return new("CSV with a byte order mark", [0xEF, 0xBB, 0xBF, .. "id;answer\r\n1;yes\r\n"u8], File, "perhaps a CSV file renamed .xlsx");
        yield return new("HTML table saved as .xlsx", "<html><body><table><tr><td>=1+1</td></tr></table></body></html>"u8.ToArray(), File, "text (HTML or XML)");
        yield return new("SpreadsheetML 2003 XML", "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>"u8.ToArray(), File, "text (HTML or XML)");
        yield return new("a tender file", System.IO.File.ReadAllBytes(Path.Combine(Repository.Root, "examples", "ics-tender.json")), File, "JSON text");
        yield return new("PDF", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8.ToArray(), File, "is a PDF");
        yield return new("encrypted workbook or .xls (OLE compound file)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4088]], File, "protected with a password");
        yield return new("random bytes", Random(4096, seed: 7), File, "does not start as one does");
        yield return new("UTF-16 text", Encoding.Unicode.GetBytes("\uFEFFQuestion\tAnswer"), File, "does not start as one does");
        yield return new("empty zip archive", EmptyZip(), File, "empty zip archive");
        yield return new("zip of a text file", NewZip(("notes.txt", "hello"u8.ToArray())), File, "has no workbook inside");
        yield return new("Word document", NewZip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray())), File, "Word or PowerPoint");
        yield return new("Excel binary workbook (.xlsb)", NewZip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.bin", new byte[64])), File, "Excel Binary Workbook (.xlsb)");
        yield return new("oversized file", [0x50, 0x4B, 0x03, 0x04, .. new byte[WorkbookPackage.MaxFileBytes]], File, "never more than 10 MB");
    }

    private static IEnumerable<HostileCase> Packages(byte[] valid)
    {
        yield return new("truncated download (first half)", valid[..(valid.Length / 2)], File, "its zip structure cannot be read");
        yield return new("central directory damaged", Corrupt(valid), File, "damaged");
        yield return new("zip bomb: one part of 17 MB of zeros", Zip(valid, z => Put(z, "xl/media/zeros.bin", new byte[17 * 1024 * 1024])), File, "more than the 16 MB allowed for one part");
        yield return new("zip bomb: four parts of 15 MB", Zip(valid, z =>
        {
            for (var i = 0; i < 4; i++)
            {
                Put(z, $"xl/media/zeros{i}.bin", new byte[15 * 1024 * 1024]);
            }
        }), File, "more than the 48 MB allowed. The file is refused unread: it may be a zip bomb");
        yield return new("zip bomb: directory understates a sheet's size", Understated(valid), File, "could not be opened as an Excel workbook");
        yield return new("too many parts", Zip(valid, z =>
        {
            for (var i = 0; i < 250; i++)
            {
                Put(z, $"docProps/extra{i}.txt", "x"u8.ToArray());
            }
        }), File, "parts; a response workbook has fewer than 200");
        yield return new("two parts with the same name", Zip(valid, z => z.CreateEntry("xl/workbook.xml")), File, "two parts named 'xl/workbook.xml'");
        yield return new("macros (vbaProject.bin)", Zip(valid, z => Put(z, "xl/vbaProject.bin", Random(512, 3))), File, "contains macros");
        yield return new("macro-enabled content type (.xlsm)", Zip(valid, z => Replace(z, "[Content_Types].xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")), File, "macro-enabled workbook (.xlsm)");
        yield return new("Excel 4 macro sheet", Zip(valid, z => Put(z, "xl/macrosheets/sheet1.xml", "<xm:macrosheet/>"u8.ToArray())), File, "contains macros");
        yield return new("ribbon customisation", Zip(valid, z => Put(z, "customUI/customUI14.xml", "<customUI/>"u8.ToArray())), File, "contains macros");
        yield return new("external link", Zip(valid, z => Put(z, "xl/externalLinks/externalLink1.xml", "<externalLink/>"u8.ToArray())), File, "links to other workbooks");
        yield return new("data connection", Zip(valid, z => Put(z, "xl/connections.xml", "<connections/>"u8.ToArray())), File, "data connections");
        yield return new("query table", Zip(valid, z => Put(z, "xl/queryTables/queryTable1.xml", "<queryTable/>"u8.ToArray())), File, "data connections");
        yield return new("ActiveX control", Zip(valid, z => Put(z, "xl/activeX/activeX1.xml", "<ax:ocx/>"u8.ToArray())), File, "ActiveX controls");
        yield return new("embedded object", Zip(valid, z => Put(z, "xl/embeddings/oleObject1.bin", Random(256, 5))), File, "embedded files or objects");
        yield return new("entity expansion in shared strings", Zip(valid, z => BeforeRoot(z, "xl/sharedStrings.xml",
            "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>")), File, "document type declaration");
        yield return new("lower-case doctype in a sheet", Zip(valid, z => BeforeRoot(z, "xl/worksheets/sheet4.xml", "<!doctype worksheet SYSTEM \"http://evil.example/x.dtd\">")), File, "document type declaration");
        yield return new("external entity in the content types", Zip(valid, z => BeforeRoot(z, "[Content_Types].xml", "<!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")), File, "document type declaration");
        yield return new("part saved as UTF-16", Zip(valid, z => Put(z, "xl/sharedStrings.xml", Encoding.Unicode.GetBytes("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst/>"))), File, "not saved as UTF-8");
        yield return new("sheet with 60,000 cells", Zip(valid, z => Put(z, "xl/worksheets/sheet5.xml", ManyCells(60_000))), File, "more than 50,000 cells");
        yield return new("unknown compression method", UnknownCompression(valid), File, "cannot be decompressed");
        yield return new("workbook part that is not XML", Zip(valid, z => Put(z, "xl/workbook.xml", "this is not xml"u8.ToArray())), File, "could not be opened as an Excel workbook");
        yield return new("styles part that is not XML", Zip(valid, z => Put(z, "xl/styles.xml", "<styleSheet><unclosed>"u8.ToArray())), File, "could not be opened as an Excel workbook");
    }

    private static IEnumerable<HostileCase> Identities(Bid bid, byte[] valid)
    {
        yield return new("an ordinary workbook", Plain(), File, "has no record of the tender it is for");
        yield return new("identity sheet deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.IdentitySheet).Delete()), File, "has no record of the tender it is for");
        yield return new("identity says another format", Identity(valid, "B1", "oh-matrix"), File, "its hidden record does not say it is one");
        yield return new("older format version", Versioned(bid, 0), File, "format version 0, made by an earlier release");
        yield return new("newer format version", Versioned(bid, 2), File, "format version 2, made by a newer release");
        yield return new("version edited to words", Identity(valid, "B2", "one"), File, "it says 'one'");
        var other = Tender with { Title = "Occupational health for Eastvale ICS 2027-2032" };
        yield return new("workbook for another tender (title)", ResponseWorkbooks.Filled(bid, tender: other), File, "made for another tender: \"Occupational health for Eastvale ICS 2027-2032\"");
        var otherReference = Tender with { Reference = "EV-ICS-OH-2027-001" };
        yield return new("workbook for another tender (reference)", ResponseWorkbooks.Filled(bid, tender: otherReference), File, "(reference EV-ICS-OH-2027-001)");
        var lot = Tender.Lots[0];
        var changed = Tender with { Lots = [lot with { Sections = [lot.Sections[0] with { Questions = [lot.Sections[0].Questions[0] with { Text = "A reworded question." }, .. lot.Sections[0].Questions.Skip(1)] }, .. lot.Sections.Skip(1)] }, .. Tender.Lots.Skip(1)] };
        yield return new("workbook for an earlier version of the lot", ResponseWorkbooks.Filled(bid, tender: changed), File, "made for a different version of lot lot-1");
        yield return new("lot id edited to another lot", Identity(valid, "B5", "lot-2"), File, "made for a different version of lot lot-2");
        yield return new("lot id edited to a lot that does not exist", Identity(valid, "B5", "lot-9"), File, "lot 'lot-9', which this tender does not have");
        yield return new("signature edited", Identity(valid, "B7", new string('0', 64)), File, "its signature does not match");
        yield return new("content hash edited", Identity(valid, "B6", new string('a', 64)), File, "made for a different version of lot lot-1");
        yield return new("formula in the identity", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.IdentitySheet).Cell("B5").FormulaA1 = "\"lot-1\""), File, "(it holds a formula)");
        yield return new("workbook for lot 2 imported as lot 1", ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-2")), File, "is for lot lot-2 (Primary care and hospice), not lot lot-1 (Trusts)");
    }

    private static IEnumerable<HostileCase> Structures(byte[] valid)
    {
        var layout = Layout;
        var fresh = "cannot be matched to the questions";
        yield return new("Answers sheet renamed", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Name = "Responses"), "sheet Answers", "is missing: it has been deleted or renamed");
        yield return new("Evidence sheet deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.EvidenceSheet).Delete()), "sheet Evidence", "is missing");
        yield return new("sheet added", ResponseWorkbooks.Edit(valid, b => b.AddWorksheet("My notes")), "sheet My notes", "was not in the workbook as sent");
        yield return new("sheets moved", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.PricesSheet).Position = 1), File, "The sheets have been moved");
        yield return new("answer row deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Row(6).Delete()), "Answers!A6", $"Should hold '{layout.Questions[1].Question.Id}' but holds '{layout.Questions[2].Question.Id}'");
        yield return new("answer row inserted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Row(5).InsertRowsAbove(1)), "Answers!A5", "but holds nothing");
        yield return new("answer rows sorted in reverse", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Range($"A5:F{4 + layout.Questions.Count}").Sort(1, XLSortOrder.Descending)), "Answers!A5", fresh);
        yield return new("answers column deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Column(2).Delete()), "Answers!B4", "Should hold 'Section'");
        yield return new("question id rewritten", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Cell("A5").Value = "Q9.9"), "Answers!A5", "holds 'Q9.9'");
        yield return new("question id replaced by a formula", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.AnswersSheet).Cell("A5").FormulaA1 = "\"Q1.1\""), "Answers!A5", "holds a formula");
        yield return new("declaration label rewritten", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Cell("A7").Value = "Accreditation"), "Declarations!A7", "Should hold 'SEQOHS accreditation'");
        yield return new("declaration row deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Row(8).Delete()), "Declarations!A8", "Should hold 'SEQOHS date'");
        yield return new("sub-specialism id rewritten", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Cell($"A{layout.SubSpecialisms[0].Row}").Value = "SUB-99"), $"Declarations!A{layout.SubSpecialisms[0].Row}", "Should hold 'SUB-02'");
        yield return new("price row deleted", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.PricesSheet).Row(5).Delete()), "Prices!A5", "Should hold 'Contract year 1'");
        yield return new("evidence row numbers rewritten", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.EvidenceSheet).Cell("A5").Value = 0), "Evidence!A5", "Should hold '1'");
        yield return new("header rewritten", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.PricesSheet).Cell("B4").Value = "Price"), "Prices!B4", "Should hold 'Annual price (£)'");
    }

    private static IEnumerable<HostileCase> Formulas(byte[] valid)
    {
        var layout = Layout;
        string[] payloads = ["1+1", "cmd|' /C calc'!A0", "HYPERLINK(\"http://evil.example\",\"Click\")", "SUM(Prices!B5:B9)", "WEBSERVICE(\"http://evil.example\")", "Lists!A1"];
        var n = 0;
        string Payload() => payloads[n++ % payloads.Length];

        foreach (var row in layout.Declarations)
        {
            yield return FormulaAt(valid, Decl, $"{ResponseLayout.DeclarationInputColumn}{row.Row}", Payload(), $"formula in {row.Label}");
        }

        foreach (var (id, row) in layout.SubSpecialisms.Take(2))
        {
            yield return FormulaAt(valid, Decl, $"{ResponseLayout.ModeColumn}{row}", Payload(), $"formula in how {id} is provided");
            yield return FormulaAt(valid, Decl, $"{ResponseLayout.PartnerColumn}{row}", Payload(), $"formula in {id}'s partner");
        }

        yield return FormulaAt(valid, ResponseLayout.EvidenceSheet, "B5", Payload(), "formula in an evidence id");
        yield return FormulaAt(valid, ResponseLayout.EvidenceSheet, "C5", Payload(), "formula in an evidence item");
        yield return FormulaAt(valid, ResponseLayout.AnswersSheet, "F5", Payload(), "formula in the first answer");
        yield return FormulaAt(valid, ResponseLayout.AnswersSheet, $"F{layout.Questions[^1].Row}", "cmd|' /C calc'!A0", "DDE payload in the last answer");
        foreach (var price in layout.Prices)
        {
            yield return FormulaAt(valid, ResponseLayout.PricesSheet, $"{ResponseLayout.PriceColumn}{price.Row}", Payload(), $"formula in the price for {price.Label}");
        }

        yield return FormulaAt(valid, ResponseLayout.InstructionsSheet, "B2", "1+1", "formula added to the instructions");
    }

    private static IEnumerable<HostileCase> Values(byte[] valid)
    {
        var layout = Layout;
        string At(DeclarationField field) => $"{Decl}!{ResponseLayout.DeclarationInputColumn}{layout.Row(field).Row}";
        byte[] Set(string address, object value) => ResponseWorkbooks.Edit(valid, b => SetCell(b, address, value));
        var sub06 = layout.SubSpecialisms.Single(s => s.Id == "SUB-06").Row;
        var sub02 = layout.SubSpecialisms.Single(s => s.Id == "SUB-02").Row;
        var lastEvidence = ResponseLayout.FirstEvidenceRow + ResponseLayout.EvidenceRows - 1;

        yield return new("unknown SEQOHS choice", Set(At(DeclarationField.Seqohs), "Maybe"), At(DeclarationField.Seqohs), "'Maybe' is not one of the choices. Choose one of: None, Working towards, Accredited.");
        yield return new("unknown ESR choice", Set(At(DeclarationField.Esr), "Soon"), At(DeclarationField.Esr), "'Soon' is not one of the choices. Choose one of: None, Planned, Live.");
        yield return new("unknown qualification", Set(At(DeclarationField.ConsultantQualification), "MFOM"), At(DeclarationField.ConsultantQualification), "'MFOM' is not one of the choices");
        yield return new("unknown provision", Set($"{Decl}!C{sub02}", "Sometimes"), $"{Decl}!C{sub02}", "'Sometimes' is not one of the choices. Choose one of: Not offered, Through a partner, Direct.");
        yield return new("date in words", Set(At(DeclarationField.SeqohsDate), "next spring"), At(DeclarationField.SeqohsDate), "Should be a date between 1990 and 2100, such as 3 July 2023; found 'next spring'.");
        yield return new("American date", Set(At(DeclarationField.EsrDate), "04/30/2020"), At(DeclarationField.EsrDate), "Should be a date");
        yield return new("true or false in a date", Set(At(DeclarationField.EsrDate), true), At(DeclarationField.EsrDate), "found 'TRUE'");
        yield return new("negative staff", Set(At(DeclarationField.OhNurses), -1), At(DeclarationField.OhNurses), "Should be 0 or more; found -1.");
        yield return new("half a teacher", Set(At(DeclarationField.NursingPracticeTeachers), 2.5), At(DeclarationField.NursingPracticeTeachers), "Should be a whole number; found 2.5.");
        yield return new("a million registrar posts", Set(At(DeclarationField.StrPosts), 1_000_000), At(DeclarationField.StrPosts), "too large for this count");
        yield return new("staff in words", Set(At(DeclarationField.OccupationalPhysicians), "seven"), At(DeclarationField.OccupationalPhysicians), "Should be a number; found 'seven'.");
        yield return new("price with a pound sign and letters", Set("Prices!B5", "£1.2m"), "Prices!B5", "Should be a number; found '£1.2m'. Type the number alone, such as 1980000");
        yield return new("price with thousands commas", Set("Prices!B6", "2,010,000"), "Prices!B6", "Should be a number; found '2,010,000'");
        yield return new("price of zero", Set("Prices!B5", 0), "Prices!B5", "It must be more than £0");
        yield return new("negative price", Set("Prices!B6", -2010000), "Prices!B6", "It must be more than £0");
        yield return new("price too large", Set("Prices!B7", 2e10), "Prices!B7", "no more than");
        yield return new("price beyond decimal", Set("Prices!B8", 1e300), "Prices!B8", "too large to use");
        yield return new("price left blank", ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.PricesSheet).Cell("B9").Clear(XLClearOptions.Contents)), "Prices!B9", "Enter the annual price for extension year 2, in pounds.");
        yield return new("error value in a price", Set("Prices!B5", "#DIV/0!"), "Prices!B5", "Should be a number; found '#DIV/0!'");
        yield return new("no provider name", ResponseWorkbooks.Edit(valid, b => SetCell(b, At(DeclarationField.Provider), "   ")), At(DeclarationField.Provider), "Enter the provider's name.");
        yield return new("no bid reference", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Cell(At(DeclarationField.BidId).Split('!')[1]).Clear(XLClearOptions.Contents)), At(DeclarationField.BidId), "Enter a reference for the bid");
        yield return new("bid reference with a slash and spaces", Set(At(DeclarationField.BidId), "bid a/b"), At(DeclarationField.BidId), "should be letters, digits and hyphens only");
        yield return new("bid reference already used", Set(At(DeclarationField.BidId), "bid-a"), At(DeclarationField.BidId), "the tender already has a bid with this reference", IntoFullExample: true);
        yield return new("partner mode with no partner", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Cell($"D{sub06}").Clear(XLClearOptions.Contents)), $"{Decl}!D{sub06}", "Name the partner.");
        yield return new("partner named for a direct service", Set($"{Decl}!D{sub02}", "Someone Else Ltd"), $"{Decl}!D{sub02}", "A partner is named, but SUB-02 is not marked as provided through a partner.");
        yield return new("evidence id with no evidence", Set($"Evidence!B{lastEvidence}", "GOV-01"), $"Evidence!C{lastEvidence}", "A requirement id (GOV-01) is given but no evidence.");
        yield return new("evidence with no id", Set($"Evidence!C{lastEvidence}", "A certificate"), $"Evidence!B{lastEvidence}", "no requirement id is given");
        yield return new("evidence under an unknown id", Set("Evidence!B5", "GOV-99"), "Evidence!B5", "'GOV-99' is not a requirement in the standards.");
        yield return new("control character in an answer", Set("Answers!F6", "Fine\u0007answer"), "Answers!F6", "control character");
        yield return new("bidirectional override in the provider name", Set(At(DeclarationField.Provider), "Northgate \u202EdtL"), At(DeclarationField.Provider), "remove the text-direction control (U+202E)");
        yield return new("accredited with no date", ResponseWorkbooks.Edit(valid, b => b.Worksheet(Decl).Cell(At(DeclarationField.SeqohsDate).Split('!')[1]).Clear(XLClearOptions.Contents)), At(DeclarationField.SeqohsDate), "declares SEQOHS accreditation. Enter the date it was awarded.");
        yield return new("ESR planned with no date", ResponseWorkbooks.Edit(valid, b =>
        {
            SetCell(b, At(DeclarationField.Esr), "Planned");
            b.Worksheet(Decl).Cell(At(DeclarationField.EsrDate).Split('!')[1]).Clear(XLClearOptions.Contents);
        }), At(DeclarationField.EsrDate), "declares the ESR interface planned. Enter the date it is planned to go live.");
    }

    private static HostileCase FormulaAt(byte[] valid, string sheet, string address, string formula, string name) =>
        new(name, ResponseWorkbooks.Edit(valid, b => b.Worksheet(sheet).Cell(address).FormulaA1 = formula), $"{sheet}!{address}", "Holds a formula");

    private static void SetCell(XLWorkbook book, string address, object value)
    {
        var parts = address.Split('!');
        var cell = book.Worksheet(parts[0]).Cell(parts[1]);
        switch (value)
        {
            case string text:
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
                break;
            case bool flag:
                cell.SetValue(flag);
                break;
            case int whole:
                cell.SetValue(whole);
                break;
            case double number:
                cell.SetValue(number);
                break;
            default:
                throw new ArgumentException($"No way to set {value}.", nameof(value));
        }
    }

    private static byte[] Identity(byte[] valid, string address, string value) =>
        ResponseWorkbooks.Edit(valid, b => b.Worksheet(ResponseLayout.IdentitySheet).Cell(address).SetValue(value));

    private static byte[] Versioned(Bid bid, int version)
    {
        using var stream = new MemoryStream();
        ResponseWorkbookWriter.Write(Tender, bid.LotId, Repository.Standards, ResponseWorkbookKey.DerivedFrom(Tender, bid.LotId), stream, version);
        return ResponseWorkbooks.Edit(stream.ToArray(), b => ResponseWorkbooks.Fill(b, Layout, bid));
    }

    private static byte[] Plain()
    {
        using var book = new XLWorkbook();
        book.AddWorksheet("Sheet1").Cell("A1").Value = "Our bid";
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x01;
        return bytes;
    }

    private static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return stream.ToArray();
    }

    private static byte[] NewZip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Put(zip, name, content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A copy of the zip with <paramref name="change"/> made to its entries.</summary>
    private static byte[] Zip(byte[] workbook, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }

    private static void Put(ZipArchive zip, string name, byte[] content)
    {
        if (zip.Mode == ZipArchiveMode.Update)
        {
            zip.GetEntry(name)?.Delete();
        }

        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(content);
    }

    private static void Replace(ZipArchive zip, string name, string find, string replacement)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No {name} in the workbook.");
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{find}' is not in {name}.");
        }

        Put(zip, name, Encoding.UTF8.GetBytes(text.Replace(find, replacement, StringComparison.Ordinal)));
    }

    /// <summary>Puts <paramref name="declaration"/> just before the root element of a part (after any XML declaration).</summary>
    private static void BeforeRoot(ZipArchive zip, string name, string declaration)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No {name} in the workbook.");
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        var at = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        Put(zip, name, Encoding.UTF8.GetBytes(text.Insert(at, declaration)));
    }

    private static byte[] ManyCells(int count)
    {
        var xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
        for (var i = 0; i < count; i++)
        {
            xml.Append("<c r=\"A1\"/>");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</row></sheetData></worksheet>").ToString());
    }

    /// <summary>The zip with its end-of-central-directory record's offset pointing past the file's end.</summary>
    private static byte[] Corrupt(byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        var end = EndOfCentralDirectory(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(end + 16), (uint)bytes.Length + 1000);
        return bytes;
    }

    /// <summary>
    /// The workbook with its directory saying the Answers sheet is 1,000 bytes (in both the local
    /// and the central header). .NET's zip reader never expands a part past its declared size, so
    /// the sheet is cut short rather than expanded, and cannot be read.
    /// </summary>
    private static byte[] Understated(byte[] valid)
    {
        const string name = "xl/worksheets/sheet4.xml";
        var bytes = (byte[])valid.Clone();
        var end = EndOfCentralDirectory(bytes);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        for (var i = 0; i < entries; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28));
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 30));
            var comment = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 32));
            if (Encoding.UTF8.GetString(bytes, at + 46, nameLength) == name)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), 1000);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), 1000);
                return bytes;
            }

            at += 46 + nameLength + extra + comment;
        }

        throw new InvalidOperationException("The part to understate was not found.");
    }

    /// <summary>A zip whose first part says it is compressed with method 99, which Excel never uses.</summary>
    private static byte[] UnknownCompression(byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        var end = EndOfCentralDirectory(bytes);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 10), 99);
        var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(local + 8), 99);
        return bytes;
    }

    private static int EndOfCentralDirectory(byte[] bytes)
    {
        for (var i = bytes.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x06054B50)
            {
                return i;
            }
        }

        throw new InvalidOperationException("No end of central directory record.");
    }
}
