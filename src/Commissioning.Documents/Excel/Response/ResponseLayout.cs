using Commissioning.Core.Evaluation;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Response;

/// <summary>What kind of value an input cell of the response workbook holds.</summary>
public enum InputKind
{
    /// <summary>One line of text, such as a name.</summary>
    Line,
    /// <summary>Longer text that may hold line breaks, such as an answer.</summary>
    Text,
    /// <summary>A date.</summary>
    Date,
    /// <summary>A number that may have a fraction (whole-time equivalents).</summary>
    Number,
    /// <summary>A whole number (people, posts).</summary>
    WholeNumber,
    /// <summary>An amount in pounds.</summary>
    Money,
    /// <summary>One of a fixed list of choices, offered as a drop-down.</summary>
    Choice,
}

/// <summary>The provider-level fields of the Declarations sheet, one a row, in order.</summary>
public enum DeclarationField
{
    /// <summary>The bid's id.</summary>
    BidId,
    /// <summary>The provider's name.</summary>
    Provider,
    /// <summary>SEQOHS position.</summary>
    Seqohs,
    /// <summary>SEQOHS date.</summary>
    SeqohsDate,
    /// <summary>ESR interface.</summary>
    Esr,
    /// <summary>ESR date.</summary>
    EsrDate,
    /// <summary>Responsible Officer.</summary>
    ResponsibleOfficer,
    /// <summary>Consultants' qualification.</summary>
    ConsultantQualification,
    /// <summary>Occupational physicians (WTE).</summary>
    OccupationalPhysicians,
    /// <summary>OH nurses (WTE).</summary>
    OhNurses,
    /// <summary>Other clinical staff (WTE).</summary>
    OtherClinical,
    /// <summary>Nursing practice teachers (people).</summary>
    NursingPracticeTeachers,
    /// <summary>Specialty registrar training posts.</summary>
    StrPosts,
}

/// <summary>One row of the Declarations sheet's first table.</summary>
/// <param name="Field">The field.</param>
/// <param name="Row">Its row.</param>
/// <param name="Label">The label in column A.</param>
/// <param name="Guidance">What to enter, in column B.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Choices">The drop-down's choices, for <see cref="InputKind.Choice"/>.</param>
public sealed record DeclarationRow(DeclarationField Field, int Row, string Label, string Guidance, InputKind Kind, IReadOnlyList<string> Choices);

/// <summary>One question's row on the Answers sheet.</summary>
/// <param name="Question">The question.</param>
/// <param name="Section">Its section.</param>
/// <param name="Row">Its row.</param>
public sealed record QuestionRow(Question Question, Section Section, int Row);

/// <summary>One year's row on the Prices sheet.</summary>
/// <param name="Extension">Whether it is an extension year.</param>
/// <param name="Year">The year, from 1, within the contract or the extension.</param>
/// <param name="Row">Its row.</param>
public sealed record PriceRow(bool Extension, int Year, int Row)
{
    /// <summary>"Contract year 1" or "Extension year 2".</summary>
    public string Label => $"{(Extension ? "Extension" : "Contract")} year {Year}";
}

/// <summary>A cell whose text the toolkit wrote and checks on import: a label, a header or an id.</summary>
/// <param name="Sheet">The sheet.</param>
/// <param name="Address">The cell, such as <c>A5</c>.</param>
/// <param name="Text">The text it must hold.</param>
public sealed record FixedCell(string Sheet, string Address, string Text);

/// <summary>
/// Where everything is in the response workbook for one lot of a tender. The export writes from
/// it and the import reads from it, so the two cannot drift apart. Everything in it follows from
/// the tender and the lot; nothing depends on the clock or the machine.
/// </summary>
public sealed class ResponseLayout
{
    /// <summary>The instructions sheet.</summary>
    public const string InstructionsSheet = "Instructions";
    /// <summary>The declarations sheet.</summary>
    public const string DeclarationsSheet = "Declarations";
    /// <summary>The evidence sheet.</summary>
    public const string EvidenceSheet = "Evidence";
    /// <summary>The answers sheet.</summary>
    public const string AnswersSheet = "Answers";
    /// <summary>The price schedule sheet.</summary>
    public const string PricesSheet = "Prices";
    /// <summary>The hidden sheet of drop-down lists.</summary>
    public const string ListsSheet = "Lists";
    /// <summary>The very hidden sheet holding the signed identity.</summary>
    public const string IdentitySheet = "Identity";

    /// <summary>The sheets, in order.</summary>
    public static IReadOnlyList<string> Sheets { get; } = [InstructionsSheet, DeclarationsSheet, EvidenceSheet, AnswersSheet, PricesSheet, ListsSheet, IdentitySheet];

    /// <summary>The header row of every table.</summary>
    public const int HeaderRow = 4;
    /// <summary>The first row of the declarations table.</summary>
    public const int FirstDeclarationRow = 5;
    /// <summary>Column of the declarations' inputs.</summary>
    public const string DeclarationInputColumn = "C";
    /// <summary>Column of the sub-specialisms' provision (drop-down).</summary>
    public const string ModeColumn = "C";
    /// <summary>Column of the sub-specialisms' partner.</summary>
    public const string PartnerColumn = "D";
    /// <summary>Column of an evidence row's requirement id.</summary>
    public const string EvidenceIdColumn = "B";
    /// <summary>Column of an evidence row's item.</summary>
    public const string EvidenceItemColumn = "C";
    /// <summary>How many evidence rows the workbook offers.</summary>
    public const int EvidenceRows = 120;
    /// <summary>Column of the answers.</summary>
    public const string AnswerColumn = "F";
    /// <summary>Column of the prices.</summary>
    public const string PriceColumn = "B";

    /// <summary>The choices offered for SEQOHS, in the order of <see cref="SeqohsStatus"/>.</summary>
    public static IReadOnlyList<string> SeqohsChoices { get; } = ["None", "Working towards", "Accredited"];
    /// <summary>The choices offered for the ESR interface, in the order of <see cref="EsrInterface"/>.</summary>
    public static IReadOnlyList<string> EsrChoices { get; } = ["None", "Planned", "Live"];
    /// <summary>The choices offered for the consultants' qualification, in the order of <see cref="ConsultantQualification"/>.</summary>
    public static IReadOnlyList<string> QualificationChoices { get; } = ["None", "CESR", "CCT", "No consultant"];
    /// <summary>The choices offered for a sub-specialism, in the order of <see cref="ProvisionMode"/>.</summary>
    public static IReadOnlyList<string> ProvisionChoices { get; } = ["Not offered", "Through a partner", "Direct"];

    private ResponseLayout(Tender tender, Lot lot, StandardsCatalogue? standards)
    {
        Tender = tender;
        Lot = lot;
        Standards = standards;
        Declarations = [.. DeclarationRows()];
        SubSpecialismHeaderRow = FirstDeclarationRow + Declarations.Count + 2;
        SubSpecialisms = [.. DeclarationChecks.SubSpecialisms.Keys.Order(StringComparer.Ordinal)
            .Select((id, i) => (id, SubSpecialismHeaderRow + 1 + i))];
        Questions = [.. lot.Sections.SelectMany(s => s.Questions.Select(q => (q, s)))
            .Select((x, i) => new QuestionRow(x.q, x.s, HeaderRow + 1 + i))];
        Prices = [.. Enumerable.Range(1, lot.Price.ContractYears).Select(y => new PriceRow(false, y, 0))
            .Concat(Enumerable.Range(1, lot.Price.ExtensionYears).Select(y => new PriceRow(true, y, 0)))
            .Select((p, i) => p with { Row = HeaderRow + 1 + i })];
        RequirementIds = standards is null ? [] : [.. standards.Requirements.Select(r => r.Id)];
    }

    /// <summary>The tender.</summary>
    public Tender Tender { get; }
    /// <summary>The lot the workbook is for.</summary>
    public Lot Lot { get; }
    /// <summary>The standards, for requirement titles and the evidence drop-down; may be null.</summary>
    public StandardsCatalogue? Standards { get; }
    /// <summary>The rows of the declarations table.</summary>
    public IReadOnlyList<DeclarationRow> Declarations { get; }
    /// <summary>The header row of the sub-specialisms table.</summary>
    public int SubSpecialismHeaderRow { get; }
    /// <summary>Each sub-specialism's requirement id and row.</summary>
    public IReadOnlyList<(string Id, int Row)> SubSpecialisms { get; }
    /// <summary>Each question's row.</summary>
    public IReadOnlyList<QuestionRow> Questions { get; }
    /// <summary>Each year's row.</summary>
    public IReadOnlyList<PriceRow> Prices { get; }
    /// <summary>The requirement ids offered in the evidence drop-down (empty without standards).</summary>
    public IReadOnlyList<string> RequirementIds { get; }

    /// <summary>The layout for one lot of a tender.</summary>
    /// <exception cref="ArgumentException">The tender has no such lot.</exception>
    public static ResponseLayout For(Tender tender, string lotId, StandardsCatalogue? standards)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"The tender has no lot '{lotId}'.", nameof(lotId));
        return new ResponseLayout(tender, lot, standards);
    }

    /// <summary>The row of a declaration field.</summary>
    public DeclarationRow Row(DeclarationField field) => Declarations[(int)field];

    /// <summary>The first evidence row.</summary>
    public static int FirstEvidenceRow => HeaderRow + 1;

    /// <summary>The requirement's title from the standards, or null.</summary>
    public string? RequirementTitle(string? id) => id is null ? null : Standards?.FindRequirement(id)?.Title;

    /// <summary>The headers of each table: (sheet, row, texts from column A).</summary>
    public IEnumerable<(string Sheet, int Row, IReadOnlyList<string> Texts)> Headers()
    {
        yield return (DeclarationsSheet, HeaderRow, ["Item", "What to enter", "Your answer"]);
        yield return (DeclarationsSheet, SubSpecialismHeaderRow, ["Requirement", "Sub-specialism", "How you provide it", "Partner's name (if through a partner)"]);
        yield return (EvidenceSheet, HeaderRow, ["Row", "Requirement id", "Evidence you hold"]);
        yield return (AnswersSheet, HeaderRow, ["Question", "Section", "Requirement", "Question asked", "Guidance", "Your answer"]);
        yield return (PricesSheet, HeaderRow, ["Year", "Annual price (£)"]);
    }

    /// <summary>
    /// Every cell whose text the toolkit wrote and the import checks, so that a deleted, inserted
    /// or moved row, a renamed sheet or a rewritten label is found before any value is read.
    /// </summary>
    public IEnumerable<FixedCell> FixedCells()
    {
        foreach (var (sheet, row, texts) in Headers())
        {
            for (var c = 0; c < texts.Count; c++)
            {
                yield return new FixedCell(sheet, $"{(char)('A' + c)}{row}", texts[c]);
            }
        }

        foreach (var row in Declarations)
        {
            yield return new FixedCell(DeclarationsSheet, $"A{row.Row}", row.Label);
        }

        foreach (var (id, row) in SubSpecialisms)
        {
            yield return new FixedCell(DeclarationsSheet, $"A{row}", id);
        }

        for (var i = 0; i < EvidenceRows; i++)
        {
            yield return new FixedCell(EvidenceSheet, $"A{FirstEvidenceRow + i}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var question in Questions)
        {
            yield return new FixedCell(AnswersSheet, $"A{question.Row}", question.Question.Id);
        }

        foreach (var price in Prices)
        {
            yield return new FixedCell(PricesSheet, $"A{price.Row}", price.Label);
        }
    }

    /// <summary>A choice's label as shown in the drop-down, by the enum value's position.</summary>
    public static string ChoiceLabel(IReadOnlyList<string> choices, int value) => choices[value];

    private static IEnumerable<DeclarationRow> DeclarationRows()
    {
        var row = FirstDeclarationRow;
        DeclarationRow Make(DeclarationField field, string label, string guidance, InputKind kind, IReadOnlyList<string>? choices = null) =>
            new(field, row++, label, guidance, kind, choices ?? []);

        yield return Make(DeclarationField.BidId, "Bid reference",
            "A short reference for this bid, such as bid-northgate. Letters, digits and hyphens. The buyer may give you one to use.", InputKind.Line);
        yield return Make(DeclarationField.Provider, "Provider name", "Your organisation's legal name.", InputKind.Line);
        yield return Make(DeclarationField.Seqohs, "SEQOHS accreditation",
            "Choose Accredited, Working towards (registered, with an expected date) or None.", InputKind.Choice, SeqohsChoices);
        yield return Make(DeclarationField.SeqohsDate, "SEQOHS date",
            "The date you were accredited, or the date you expect to be. Needed if you chose Accredited.", InputKind.Date);
        yield return Make(DeclarationField.Esr, "ESR interface",
            "Your two-way interface with the Electronic Staff Record: Live, Planned or None.", InputKind.Choice, EsrChoices);
        yield return Make(DeclarationField.EsrDate, "ESR date",
            "The date the interface went live, or is planned to. Needed if you chose Live or Planned.", InputKind.Date);
        yield return Make(DeclarationField.ResponsibleOfficer, "Responsible Officer",
            "The name of the Responsible Officer for the doctors who will work on the service.", InputKind.Line);
        yield return Make(DeclarationField.ConsultantQualification, "Consultants' qualification",
            "The qualification your consultant occupational physicians hold: CCT, CESR, None (consultants without either), or No consultant (the service has none).", InputKind.Choice, QualificationChoices);
        yield return Make(DeclarationField.OccupationalPhysicians, "Occupational physicians",
            "Whole-time equivalents, such as 7.2. Enter 0 if none.", InputKind.Number);
        yield return Make(DeclarationField.OhNurses, "OH nurses", "Whole-time equivalents. Enter 0 if none.", InputKind.Number);
        yield return Make(DeclarationField.OtherClinical, "Other clinical staff",
            "Physiotherapists, psychologists and other clinicians, in whole-time equivalents.", InputKind.Number);
        yield return Make(DeclarationField.NursingPracticeTeachers, "Nursing practice teachers", "The number of people (a whole number).", InputKind.WholeNumber);
        yield return Make(DeclarationField.StrPosts, "Specialty registrar posts", "The number of specialty registrar training posts (a whole number).", InputKind.WholeNumber);
    }
}
