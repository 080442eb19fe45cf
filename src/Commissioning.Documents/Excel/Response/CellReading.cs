using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Response;

/// <summary>
/// Reads the input cells of a response workbook whose identity and structure have been checked,
/// collecting a problem for every cell that cannot be read, and remembering which cell each part
/// of the bid came from so that the tender's rules can be reported against cells.
/// </summary>
internal sealed partial class CellReading(XLWorkbook book, ResponseLayout layout)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d MMMM yyyy", "d MMM yyyy", "d-M-yyyy", "d.M.yyyy"];
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly EarliestDate = new(1990, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    private readonly List<WorkbookProblem> _problems = [];
    private readonly List<WorkbookProblem> _warnings = [];
    private readonly List<int> _answerRows = [];
    private readonly Dictionary<(string Id, int Index), int> _evidenceRows = [];
    private readonly HashSet<(string Sheet, string Cell)> _reported = [];

    public ResponseLayout Layout { get; } = layout;

    public IReadOnlyList<WorkbookProblem> Problems => _problems;

    public IReadOnlyList<WorkbookProblem> Warnings => _warnings;

    public Bid ReadBid()
    {
        FormulasAnywhere();
        var declarations = book.Worksheet(ResponseLayout.DeclarationsSheet);
        string? Line(DeclarationField field) => ReadText(DeclarationCell(declarations, field), oneLine: true);
        decimal Number(DeclarationField field, bool whole = false) => ReadNumber(DeclarationCell(declarations, field), whole ? NumberKind.Whole : NumberKind.Fraction) ?? 0m;
        DateOnly? Date(DeclarationField field) => ReadDate(DeclarationCell(declarations, field));

        var bidId = Line(DeclarationField.BidId);
        var provider = Line(DeclarationField.Provider);
        if (bidId is null)
        {
            Add(DeclarationCell(declarations, DeclarationField.BidId), "Enter a reference for the bid, such as bid-northgate.");
        }
        else if (!BidReference().IsMatch(bidId))
        {
            Add(DeclarationCell(declarations, DeclarationField.BidId), $"The bid reference '{Clip(bidId)}' should be letters, digits and hyphens only (up to 40), such as bid-northgate.");
        }

        if (provider is null)
        {
            Add(DeclarationCell(declarations, DeclarationField.Provider), "Enter the provider's name.");
        }

        var result = new Declarations
        {
            Seqohs = (SeqohsStatus)ReadChoice(DeclarationCell(declarations, DeclarationField.Seqohs), ResponseLayout.SeqohsChoices, ["none", "working-towards", "accredited"]),
            SeqohsDate = Date(DeclarationField.SeqohsDate),
            Esr = (EsrInterface)ReadChoice(DeclarationCell(declarations, DeclarationField.Esr), ResponseLayout.EsrChoices, ["none", "planned", "live"]),
            EsrDate = Date(DeclarationField.EsrDate),
            ResponsibleOfficer = Line(DeclarationField.ResponsibleOfficer),
            ConsultantQualification = (ConsultantQualification)ReadChoice(DeclarationCell(declarations, DeclarationField.ConsultantQualification), ResponseLayout.QualificationChoices, ["none", "cesr", "cct", "no-consultant"]),
            Staffing = new StaffingFigures
            {
                OccupationalPhysicians = Number(DeclarationField.OccupationalPhysicians),
                OhNurses = Number(DeclarationField.OhNurses),
                OtherClinical = Number(DeclarationField.OtherClinical),
                NursingPracticeTeachers = (int)Math.Min(Number(DeclarationField.NursingPracticeTeachers, whole: true), int.MaxValue),
                StrPosts = (int)Math.Min(Number(DeclarationField.StrPosts, whole: true), int.MaxValue),
            },
            SubSpecialisms = ReadSubSpecialisms(declarations),
            Evidence = ReadEvidence(),
        };

        return new Bid
        {
            Id = bidId ?? string.Empty,
            LotId = Layout.Lot.Id,
            Provider = provider ?? string.Empty,
            Declarations = result,
            Price = ReadPrices(),
            Answers = ReadAnswers(),
        };
    }

    /// <summary>A problem at a cell given by sheet, row and column.</summary>
    public static WorkbookProblem At(string sheet, int row, string column, string message) => new(sheet, $"{column}{row}", message);

    /// <summary>
    /// Places a message from the tender's rules on the cell its property path names (the path
    /// inside the bid, such as <c>Price.AnnualPrices[1]</c>); a path with no cell is placed on the sheet.
    /// </summary>
    public WorkbookProblem Place(string path, string message)
    {
        var decl = ResponseLayout.DeclarationsSheet;
        var input = ResponseLayout.DeclarationInputColumn;
        WorkbookProblem Field(DeclarationField field) => At(decl, Layout.Row(field).Row, input, message);
        var contract = Layout.Prices.Where(p => !p.Extension).ToList();
        var extension = Layout.Prices.Where(p => p.Extension).ToList();

        if (Indexed().Match(path) is { Success: true } indexed)
        {
            var name = indexed.Groups["name"].Value;
            var i = int.Parse(indexed.Groups["index"].Value, CultureInfo.InvariantCulture);
            switch (name)
            {
                case "Price.AnnualPrices" when i < contract.Count:
                    return At(ResponseLayout.PricesSheet, contract[i].Row, ResponseLayout.PriceColumn, message);
                case "Price.ExtensionPrices" when i < extension.Count:
                    return At(ResponseLayout.PricesSheet, extension[i].Row, ResponseLayout.PriceColumn, message);
                case "Answers" when i < _answerRows.Count:
                    return At(ResponseLayout.AnswersSheet, _answerRows[i], ResponseLayout.AnswerColumn, message);
            }
        }

        if (SubSpecialism().Match(path) is { Success: true } sub && Layout.SubSpecialisms.FirstOrDefault(s => s.Id == sub.Groups["id"].Value) is { Id: not null } row)
        {
            return At(decl, row.Row, sub.Groups["partner"].Success ? ResponseLayout.PartnerColumn : ResponseLayout.ModeColumn, message);
        }

        if (Evidence().Match(path) is { Success: true } evidence)
        {
            var id = evidence.Groups["id"].Value;
            var item = evidence.Groups["index"].Success ? int.Parse(evidence.Groups["index"].Value, CultureInfo.InvariantCulture) : 0;
            if (_evidenceRows.TryGetValue((id, item), out var evidenceRow))
            {
                return At(ResponseLayout.EvidenceSheet, evidenceRow, evidence.Groups["index"].Success ? ResponseLayout.EvidenceItemColumn : ResponseLayout.EvidenceIdColumn, message);
            }
        }

        return path switch
        {
            "Id" => Field(DeclarationField.BidId),
            "Provider" => Field(DeclarationField.Provider),
            "Declarations.Seqohs" => Field(DeclarationField.Seqohs),
            "Declarations.SeqohsDate" => Field(DeclarationField.SeqohsDate),
            "Declarations.Esr" => Field(DeclarationField.Esr),
            "Declarations.EsrDate" => Field(DeclarationField.EsrDate),
            "Declarations.ResponsibleOfficer" => Field(DeclarationField.ResponsibleOfficer),
            "Declarations.ConsultantQualification" => Field(DeclarationField.ConsultantQualification),
            _ when path.StartsWith("Declarations.Staffing", StringComparison.Ordinal) => Field(DeclarationField.OccupationalPhysicians),
            "Price.AnnualPrices" when contract.Count > 0 => At(ResponseLayout.PricesSheet, contract[0].Row, ResponseLayout.PriceColumn, message),
            "Price.ExtensionPrices" when extension.Count > 0 => At(ResponseLayout.PricesSheet, extension[0].Row, ResponseLayout.PriceColumn, message),
            _ when path.StartsWith("Answers", StringComparison.Ordinal) => new WorkbookProblem(ResponseLayout.AnswersSheet, null, message),
            _ when path.StartsWith("Declarations", StringComparison.Ordinal) => new WorkbookProblem(decl, null, message),
            _ => WorkbookProblem.File(message),
        };
    }

    private IXLCell DeclarationCell(IXLWorksheet sheet, DeclarationField field) => sheet.Cell($"{ResponseLayout.DeclarationInputColumn}{Layout.Row(field).Row}");

    /// <summary>A formula anywhere is refused: the workbook as sent has none, and none is ever evaluated.</summary>
    private void FormulasAnywhere()
    {
        foreach (var sheet in book.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed(c => c.HasFormula))
            {
                Add(cell, $"Holds a formula (={Clip(cell.FormulaA1)}). Formulas are not accepted: type the value itself.");
            }
        }
    }

    private Dictionary<string, SubSpecialismProvision> ReadSubSpecialisms(IXLWorksheet sheet)
    {
        var result = new Dictionary<string, SubSpecialismProvision>(StringComparer.Ordinal);
        foreach (var (id, row) in Layout.SubSpecialisms)
        {
            var modeCell = sheet.Cell($"{ResponseLayout.ModeColumn}{row}");
            var partnerCell = sheet.Cell($"{ResponseLayout.PartnerColumn}{row}");
            var blank = IsBlank(modeCell);
            var mode = (ProvisionMode)ReadChoice(modeCell, ResponseLayout.ProvisionChoices, ["not-offered", "partner", "direct"]);
            var partner = ReadText(partnerCell, oneLine: true);
            if (partner is not null && mode != ProvisionMode.Partner)
            {
                Add(partnerCell, $"A partner is named, but {id} is not marked as provided through a partner. Choose 'Through a partner' in column {ResponseLayout.ModeColumn}, or clear the partner's name.");
            }

            if (!blank)
            {
                result[id] = new SubSpecialismProvision { Mode = mode, Partner = partner };
            }
        }

        return result;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadEvidence()
    {
        var sheet = book.Worksheet(ResponseLayout.EvidenceSheet);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < ResponseLayout.EvidenceRows; i++)
        {
            var row = ResponseLayout.FirstEvidenceRow + i;
            var idCell = sheet.Cell($"{ResponseLayout.EvidenceIdColumn}{row}");
            var itemCell = sheet.Cell($"{ResponseLayout.EvidenceItemColumn}{row}");
            var id = ReadText(idCell, oneLine: true)?.ToUpperInvariant();
            var item = ReadText(itemCell, oneLine: true);
            if (id is null && item is null)
            {
                continue;
            }

            if (id is null)
            {
                Add(idCell, "Evidence is described but no requirement id is given. Choose the requirement it supports from the list.");
                continue;
            }

            if (item is null)
            {
                Add(itemCell, $"A requirement id ({Clip(id)}) is given but no evidence. Describe the evidence you hold, or clear the id.");
                continue;
            }

            if (Layout.Standards is { } standards && standards.FindRequirement(id) is null)
            {
                Add(idCell, $"'{Clip(id)}' is not a requirement in the standards. Choose a requirement id from the list.");
                continue;
            }

            if (!lists.TryGetValue(id, out var items))
            {
                lists[id] = items = [];
            }

            _evidenceRows[(id, items.Count)] = row;
            items.Add(item);
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private PriceSchedule ReadPrices()
    {
        var sheet = book.Worksheet(ResponseLayout.PricesSheet);
        var annual = new List<decimal>();
        var extension = new List<decimal>();
        foreach (var row in Layout.Prices)
        {
            var cell = sheet.Cell($"{ResponseLayout.PriceColumn}{row.Row}");
            var value = ReadNumber(cell, NumberKind.Money);
            if (value is null && !_reported.Contains((cell.Worksheet.Name, cell.Address.ToStringRelative())))
            {
                Add(cell, $"Enter the annual price for {row.Label.ToLowerInvariant()}, in pounds.");
            }

            (row.Extension ? extension : annual).Add(value ?? 0m);
        }

        return new PriceSchedule { AnnualPrices = annual, ExtensionPrices = extension };
    }

    private List<Answer> ReadAnswers()
    {
        var sheet = book.Worksheet(ResponseLayout.AnswersSheet);
        var answers = new List<Answer>();
        foreach (var question in Layout.Questions)
        {
            var cell = sheet.Cell($"{ResponseLayout.AnswerColumn}{question.Row}");
            var text = ReadText(cell, oneLine: false);
            if (text is null)
            {
                if (!_reported.Contains((cell.Worksheet.Name, cell.Address.ToStringRelative())))
                {
                    _warnings.Add(new WorkbookProblem(ResponseLayout.AnswersSheet, cell.Address.ToStringRelative(), $"Question {question.Question.Id} has no answer; the bid is imported without one."));
                }

                continue;
            }

            _answerRows.Add(question.Row);
            answers.Add(new Answer { QuestionId = question.Question.Id, Text = text });
        }

        return answers;
    }

    private static bool IsBlank(IXLCell cell) => !cell.HasFormula && string.IsNullOrWhiteSpace(cell.GetString());

    /// <summary>The cell's text, or null if it is blank or cannot be read. One-line text is trimmed.</summary>
    private static string? ReadText(IXLCell cell, bool oneLine)
    {
        if (cell.HasFormula || IsBlank(cell))
        {
            return null;
        }

        var text = cell.DataType switch
        {
            XLDataType.Number => cell.TryGetValue<double>(out var number) ? NumberText(number) : cell.GetString(),
            XLDataType.DateTime => DateOf(cell) is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : NumberOf(cell) is { } serial ? NumberText(serial) : cell.GetString(),
            XLDataType.Boolean => cell.TryGetValue<bool>(out var flag) ? (flag ? "TRUE" : "FALSE") : cell.GetString(),
            _ => cell.GetString(),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return oneLine ? text.Trim() : text;
    }

    /// <summary>
    /// A date-formatted cell's date, or null when its number is no date at all (Excel's dates run
    /// from 1900 to 9999; a date-formatted 10000000 is a number in a date's clothing).
    /// </summary>
    private static DateTime? DateOf(IXLCell cell) =>
        NumberOf(cell) is { } serial && serial is > -657435.0 and < 2958466.0 ? DateTime.FromOADate(serial) : null;

    /// <summary>The number a cell holds, whatever its format says; null when it holds none.</summary>
    private static double? NumberOf(IXLCell cell) =>
        double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : cell.DataType == XLDataType.DateTime && cell.TryGetValue<DateTime>(out var date) ? date.ToOADate()
        : null;

    private enum NumberKind
    {
        Fraction,
        Whole,
        Money,
    }

    private decimal? ReadNumber(IXLCell cell, NumberKind kind)
    {
        if (cell.HasFormula || IsBlank(cell))
        {
            return null;
        }

        decimal value;
        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                Add(cell, "The cell is formatted as a date, so what Excel shows is not the number typed. Format the cell as a number (Home, then Number Format, then Number) and type the number again.");
                return null;
            case XLDataType.Number:
                if (!cell.TryGetValue<double>(out var number) || !decimal.TryParse(NumberText(number), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    Add(cell, "The number is too large to use. Check it for a typing slip.");
                    return null;
                }

                break;
            case XLDataType.Text when decimal.TryParse(cell.GetString().Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value):
                break;
            default:
                var example = kind switch { NumberKind.Money => "1980000", NumberKind.Whole => "3", _ => "7.2" };
                Add(cell, $"Should be a number; found '{Clip(ReadText(cell, oneLine: true) ?? string.Empty)}'. Type the number alone, such as {example}, with no £ sign, commas or words.");
                return null;
        }

        if (kind != NumberKind.Money && value < 0)
        {
            Add(cell, $"Should be 0 or more; found {value.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (kind == NumberKind.Whole && decimal.Truncate(value) != value)
        {
            Add(cell, $"Should be a whole number; found {value.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (kind == NumberKind.Whole && value > 100_000)
        {
            Add(cell, $"{value.ToString(CultureInfo.InvariantCulture)} is too large for this count. Check it for a typing slip.");
            return null;
        }

        return value;
    }

    private DateOnly? ReadDate(IXLCell cell)
    {
        if (cell.HasFormula || IsBlank(cell))
        {
            return null;
        }

        DateOnly? date = cell.DataType switch
        {
            XLDataType.DateTime when DateOf(cell) is { } excelDate => DateOnly.FromDateTime(excelDate),
            XLDataType.DateTime => null,
            // A date typed into a cell whose date format was cleared: Excel's day number.
            XLDataType.Number when NumberOf(cell) is { } serial && Math.Floor(serial) == serial && serial is >= 32874 and <= 73415 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            XLDataType.Text when DateOnly.TryParseExact(cell.GetString().Trim(), DateFormats, British, DateTimeStyles.None, out var parsed) => parsed,
            _ => null,
        };

        if (date is null)
        {
            var found = cell.DataType == XLDataType.DateTime
                ? $"a number ({NumberText(NumberOf(cell) ?? 0)}) formatted as a date"
                : $"'{Clip(ReadText(cell, oneLine: true) ?? string.Empty)}'";
            Add(cell, $"Should be a date between 1990 and 2100, such as 3 July 2023; found {found}.");
            return null;
        }

        // The same years as the workbook's own data validation allows (ResponseWorkbookWriter):
        // an earlier or later date is a slip (a date-formatted -5 is 25 December 1899).
        if (date < EarliestDate || date > LatestDate)
        {
            Add(cell, $"Should be a date between 1990 and 2100; found {date.Value.ToString("d MMMM yyyy", British)}. Check it for a typing slip.");
            return null;
        }

        return date;
    }

    /// <summary>The position of the chosen label in <paramref name="labels"/> (matching case-insensitively, or the file format's id); 0 when blank.</summary>
    private int ReadChoice(IXLCell cell, IReadOnlyList<string> labels, IReadOnlyList<string> ids)
    {
        var text = ReadText(cell, oneLine: true);
        if (text is null)
        {
            return 0;
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(text, labels[i], StringComparison.OrdinalIgnoreCase) || string.Equals(text, ids[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        Add(cell, $"'{Clip(text)}' is not one of the choices. Choose one of: {string.Join(", ", labels)}.");
        return 0;
    }

    private void Add(IXLCell cell, string message)
    {
        var key = (cell.Worksheet.Name, cell.Address.ToStringRelative());
        if (_reported.Add(key))
        {
            _problems.Add(new WorkbookProblem(key.Item1, key.Item2, message));
        }
    }

    private static string Clip(string text) => ResponseWorkbookReader.Clip(text);

    /// <summary>A double as its shortest round-trip text, so 7.2 reads as 7.2 and not 7.2000000000000002.</summary>
    private static string NumberText(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex BidReference();

    [GeneratedRegex(@"^(?<name>[A-Za-z.]+)\[(?<index>\d+)\]")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"^Declarations\.SubSpecialisms\[(?<id>[^\]]+)\](?<partner>\.Partner)?$")]
    private static partial Regex SubSpecialism();

    [GeneratedRegex(@"^Declarations\.Evidence\[(?<id>[^\]]+)\](\[(?<index>\d+)\])?$")]
    private static partial Regex Evidence();
}
