using System.Globalization;
using ClosedXML.Excel;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Response;

/// <summary>How to import a response workbook.</summary>
public sealed record ResponseImportOptions
{
    /// <summary>The key the workbook's identity was signed with; null for the key derived from the tender (the command line's).</summary>
    public ResponseWorkbookKey? Key { get; init; }

    /// <summary>The lot the workbook must be for; null to take the lot the workbook names.</summary>
    public string? ExpectedLotId { get; init; }

    /// <summary>The standards: requirement ids on the Evidence sheet are checked against them.</summary>
    public StandardsCatalogue? Standards { get; init; }

    /// <summary>Told what the import is doing, for a progress line on a terminal.</summary>
    public IProgress<string>? Progress { get; init; }
}

/// <summary>One rule of the tender's that a pack breaks: where (a property path such as <c>Bids[3].Price</c>) and why.</summary>
/// <param name="Path">The property path in the pack.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record RuleBreach(string Path, string Message);

/// <summary>The outcome of importing a response workbook: the bid, or every problem found.</summary>
/// <param name="Bid">The bid, when there are no problems; otherwise null.</param>
/// <param name="Problems">Every problem, each with its sheet and cell where it has one.</param>
/// <param name="Warnings">Things worth knowing that do not stop the import, such as unanswered questions.</param>
public sealed record ResponseImport(Bid? Bid, IReadOnlyList<WorkbookProblem> Problems, IReadOnlyList<WorkbookProblem> Warnings)
{
    /// <summary>Whether the import gave a bid.</summary>
    public bool Succeeded => Bid is not null && Problems.Count == 0;

    internal static ResponseImport Failed(IReadOnlyList<WorkbookProblem> problems) => new(null, problems, []);
}

/// <summary>
/// Imports a filled response workbook as a bid for the tender it was made for. The bytes are
/// checked as a package first (<see cref="WorkbookPackage"/>); then the signed identity, the
/// structure, and every input cell; then the pack with the bid is checked by the tender's rules,
/// which the caller supplies (the application layer owns them: this project reads and writes, it
/// never validates), and each breach is placed on its sheet and cell. Every problem
/// is collected; a bid is returned only when there are none. Formulas are never evaluated: one in
/// an input cell is a problem. Described in docs/response-workbook.md.
/// </summary>
public static class ResponseWorkbookReader
{
    private const string FreshCopy = "Ask the buyer for a fresh copy of the response workbook and copy the answers into it.";

    /// <summary>Imports <paramref name="bytes"/> as a bid for <paramref name="pack"/>'s tender, checked by <paramref name="rules"/>.</summary>
    public static ResponseImport Read(TenderPack pack, byte[] bytes, Func<TenderPack, IReadOnlyList<RuleBreach>> rules, ResponseImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(rules);
        options ??= new ResponseImportOptions();
        options.Progress?.Report("Checking the file");
        var packageProblems = WorkbookPackage.Check(bytes);
        if (packageProblems.Count > 0)
        {
            return ResponseImport.Failed(packageProblems);
        }

        options.Progress?.Report("Opening the workbook");
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
#pragma warning disable CA1031 // Whatever the library throws on a damaged file, the user gets one plain message.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ResponseImport.Failed([WorkbookProblem.File("The file could not be opened as an Excel workbook: it is damaged or not saved as Excel saves it. Open it in Excel, save it as an Excel Workbook (.xlsx), then import it again.")]);
        }

        using (book)
        {
            options.Progress?.Report("Checking which tender the workbook is for");
            var (lot, identityProblems) = Identity(pack.Tender, book, options);
            if (identityProblems.Count > 0)
            {
                return ResponseImport.Failed(identityProblems);
            }

            var layout = ResponseLayout.For(pack.Tender, lot!.Id, options.Standards);
            options.Progress?.Report("Checking the workbook's structure");
            var structure = Structure(book, layout);
            if (structure.Count > 0)
            {
                return ResponseImport.Failed(structure);
            }

            options.Progress?.Report($"Reading the declarations and {layout.Questions.Count} answers");
            var reading = new CellReading(book, layout);
            var bid = reading.ReadBid();
            if (reading.Problems.Count > 0)
            {
                return new ResponseImport(null, reading.Problems, reading.Warnings);
            }

            options.Progress?.Report("Checking the bid against the tender's rules");
            var ruleProblems = Place(pack, bid, reading, rules);
            return ruleProblems.Count > 0
                ? new ResponseImport(null, ruleProblems, reading.Warnings)
                : new ResponseImport(bid, [], reading.Warnings);
        }
    }

    private static (Lot? Lot, IReadOnlyList<WorkbookProblem> Problems) Identity(Tender tender, XLWorkbook book, ResponseImportOptions options)
    {
        static IReadOnlyList<WorkbookProblem> One(string message) => [WorkbookProblem.File(message)];

        if (!book.TryGetWorksheet(ResponseLayout.IdentitySheet, out var sheet))
        {
            return (null, One($"This is not a response workbook made by this toolkit: it has no record of the tender it is for. It may be a different spreadsheet, or a copy saved without its hidden sheets. {FreshCopy}"));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Enumerable.Range(1, 7))
        {
            var name = sheet.Cell(row, 1);
            var value = sheet.Cell(row, 2);
            if (name.HasFormula || value.HasFormula)
            {
                return (null, One($"The workbook's hidden record of its tender has been edited (it holds a formula). {FreshCopy}"));
            }

            values[name.GetString()] = value.GetString();
        }

        string Get(string key) => values.GetValueOrDefault(key, string.Empty);
        if (Get("format") != ResponseIdentity.FormatName)
        {
            return (null, One($"This is not a response workbook made by this toolkit: its hidden record does not say it is one. {FreshCopy}"));
        }

        if (!int.TryParse(Get("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (null, One($"The workbook's hidden record of its format version has been edited: it says '{Get("version")}'. {FreshCopy}"));
        }

        if (version < ResponseIdentity.CurrentVersion)
        {
            return (null, One($"This workbook is format version {version}, made by an earlier release of the toolkit; this toolkit reads version {ResponseIdentity.CurrentVersion}. {FreshCopy}"));
        }

        if (version > ResponseIdentity.CurrentVersion)
        {
            return (null, One($"This workbook is format version {version}, made by a newer release of the toolkit; this toolkit reads version {ResponseIdentity.CurrentVersion}. Import it with the newer release, or ask the buyer for a workbook this release made."));
        }

        var reference = tender.Reference ?? string.Empty;
        if (Get("tenderReference") != reference || Get("tenderTitle") != tender.Title)
        {
            return (null, One($"This workbook was made for another tender: \"{Get("tenderTitle")}\"{ReferenceWords(Get("tenderReference"))}. You are importing into \"{tender.Title}\"{ReferenceWords(reference)}. Check that you chose the right workbook and the right tender file."));
        }

        var lotId = Get("lotId");
        var lot = tender.FindLot(lotId);
        if (lot is null)
        {
            return (null, One($"This workbook was made for lot '{lotId}', which this tender does not have (its lots are {string.Join(", ", tender.Lots.Select(l => l.Id))}). {FreshCopy}"));
        }

        var identity = new ResponseIdentity(ResponseIdentity.FormatName, version, reference, tender.Title, lotId, Get("contentHash"));
        var hashMatches = identity.ContentHash == ResponseIdentity.Hash(tender, lotId);
        var signed = identity.Verify(options.Key ?? ResponseWorkbookKey.DerivedFrom(tender, lotId), Get("signature"));
        if (hashMatches && !signed)
        {
            return (null, One($"The workbook's hidden record of its tender has been edited: its signature does not match. {FreshCopy}"));
        }

        if (!hashMatches)
        {
            return (null, One($"This workbook was made for a different version of lot {lotId} ({lot.Title}): the lot's questions, prices or terms have changed since it was made, or its hidden record has been edited. Send the provider a fresh workbook made from the tender as it is now."));
        }

        if (options.ExpectedLotId is { } expected && expected != lotId)
        {
            var expectedTitle = tender.FindLot(expected)?.Title;
            return (null, One($"This workbook is for lot {lotId} ({lot.Title}), not lot {expected}{(expectedTitle is null ? string.Empty : $" ({expectedTitle})")}. Import it into its own lot, or ask the provider for their workbook for lot {expected}."));
        }

        return (lot, []);
    }

    private static string ReferenceWords(string reference) => reference.Length == 0 ? string.Empty : $" (reference {reference})";

    private static List<WorkbookProblem> Structure(XLWorkbook book, ResponseLayout layout)
    {
        var problems = new List<WorkbookProblem>();
        var actual = book.Worksheets.OrderBy(w => w.Position).Select(w => w.Name).ToList();
        foreach (var missing in ResponseLayout.Sheets.Where(s => !actual.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add(new WorkbookProblem(missing, null, $"The sheet '{missing}' is missing: it has been deleted or renamed. {FreshCopy}"));
        }

        foreach (var extra in actual.Where(s => !ResponseLayout.Sheets.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add(new WorkbookProblem(extra, null, $"The sheet '{extra}' was not in the workbook as sent: a sheet has been added or renamed. Remove it, or use a fresh copy of the workbook."));
        }

        if (problems.Count == 0 && !actual.SequenceEqual(ResponseLayout.Sheets, StringComparer.Ordinal))
        {
            problems.Add(WorkbookProblem.File($"The sheets have been moved: they should be in the order {string.Join(", ", ResponseLayout.Sheets.Take(5))}. Move them back, or use a fresh copy of the workbook."));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // Every label, id and header the toolkit wrote must still be where it was written. The
        // first cell out of place on each sheet is named, with a count of the others.
        foreach (var group in layout.FixedCells().GroupBy(f => f.Sheet))
        {
            var sheet = book.Worksheet(group.Key);
            var wrong = group.Where(f => !Holds(sheet.Cell(f.Address), f.Text))
                .OrderBy(f => sheet.Cell(f.Address).Address.RowNumber).ThenBy(f => sheet.Cell(f.Address).Address.ColumnNumber).ToList();
            if (wrong.Count == 0)
            {
                continue;
            }

            var first = wrong[0];
            var cell = sheet.Cell(first.Address);
            var found = cell.HasFormula ? "a formula" : cell.IsEmpty() ? "nothing" : $"'{Clip(cell.GetString())}'";
            var more = wrong.Count > 1 ? $" {wrong.Count - 1} other cell{(wrong.Count == 2 ? " is" : "s are")} out of place on this sheet too." : string.Empty;
            problems.Add(new WorkbookProblem(group.Key, first.Address,
                $"Should hold '{Clip(first.Text)}' but holds {found}: rows or columns have been inserted, deleted or moved, or a label has been changed, so the answers cannot be matched to the questions.{more} {FreshCopy}"));
        }

        return problems;
    }

    private static bool Holds(IXLCell cell, string text) => !cell.HasFormula && cell.GetString() == text;

    /// <summary>Text from a cell as it may be shown in a message: one line, control characters replaced, at most 60 characters.</summary>
    internal static string Clip(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029' ? ' ' : c)]);
        return clean.Length > 60 ? clean[..60] + "…" : clean;
    }

    private static List<WorkbookProblem> Place(TenderPack pack, Bid bid, CellReading reading, Func<TenderPack, IReadOnlyList<RuleBreach>> rules)
    {
        var index = pack.Bids.Count;
        var prefix = $"Bids[{index}]";
        var withBid = pack with { Bids = [.. pack.Bids, bid] };
        var problems = new List<WorkbookProblem>();
        var tenderProblems = 0;
        foreach (var error in rules(withBid))
        {
            var path = error.Path;
            if (path == "Bids")
            {
                // The only rule on the list of bids as a whole: a repeated bid id, which must be this one.
                problems.Add(CellReading.At(ResponseLayout.DeclarationsSheet, reading.Layout.Row(DeclarationField.BidId).Row, ResponseLayout.DeclarationInputColumn,
                    $"{error.Message.TrimEnd('.')}: the tender already has a bid with this reference. Give this bid its own reference."));
            }
            else if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Add(reading.Place(path[prefix.Length..].TrimStart('.'), error.Message));
            }
            else
            {
                tenderProblems++;
            }
        }

        if (tenderProblems > 0)
        {
            problems.Add(WorkbookProblem.File($"The tender file itself breaks {tenderProblems} of the tender's rules, so no bid can be added to it. Correct the tender file first (the evaluate command lists the problems)."));
        }

        return problems;
    }
}
