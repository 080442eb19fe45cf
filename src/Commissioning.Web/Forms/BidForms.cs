using Commissioning.Application.Tenders;
using Commissioning.Core.Text;
using Commissioning.Documents.Excel.Response;
using Commissioning.NhsUk.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>Filled response workbooks to receive as bids.</summary>
public sealed class BidUploadInput
{
    /// <summary>The workbooks.</summary>
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Why late bids are accepted, once the bid deadline has passed.</summary>
    public string? LateReason { get; set; }
}

/// <summary>Checks the upload before any workbook is read: how many, their names and sizes.</summary>
public sealed class BidUploadInputValidator : AbstractValidator<BidUploadInput>
{
    /// <summary>The rules.</summary>
    public BidUploadInputValidator()
    {
        RuleFor(x => x.Files).NotEmpty().WithMessage("Select one or more filled response workbooks (.xlsx) to upload.")
            .Must(files => files.Count <= BidReceiving.MaxWorkbooksAtOnce).WithMessage(x => $"Select at most {BidReceiving.MaxWorkbooksAtOnce} workbooks at once; {x.Files.Count} were selected.")
            .Must(files => files.All(f => f.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
            .WithMessage(x => $"Every file must be an Excel workbook ending in .xlsx: {Named(x.Files.Where(f => !f.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))} is not.")
            .Must(files => files.All(f => f.Length > 0)).WithMessage(x => $"{Named(x.Files.Where(f => f.Length == 0))} is empty.")
            .Must(files => files.All(f => f.Length <= WorkbookPackage.MaxFileBytes))
            .WithMessage(x => $"{Named(x.Files.Where(f => f.Length > WorkbookPackage.MaxFileBytes))} is larger than {WorkbookPackage.MaxFileBytes / 1024 / 1024} MB; a response workbook is never that large.")
            .Must(files => files.Sum(f => f.Length) <= RequestLimits.MaxUploadBytes)
            .WithMessage($"The workbooks together must be smaller than {RequestLimits.MaxUploadBytes / 1024 / 1024} MB. Upload them in smaller groups.");
        RuleFor(x => x.LateReason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }

    private static string Named(IEnumerable<IFormFile> files)
    {
        var names = files.Select(f => BidReceiving.Shown(f.FileName)).ToList();
        return names.Count == 1 ? $"The file {names[0]}" : $"{names.Count} files ({string.Join(", ", names.Take(3))}{(names.Count > 3 ? ", …" : "")})";
    }
}

/// <summary>Which provider organisation submitted one bid.</summary>
public sealed class BidLinkInput
{
    /// <summary>The provider organisation's id, or empty to clear the link.</summary>
    public string? OrganisationId { get; set; }

    /// <summary>The bid's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>Why, where a reason is required.</summary>
    public string? Reason { get; set; }
}

/// <summary>Checks the bid link form.</summary>
public sealed class BidLinkInputValidator : AbstractValidator<BidLinkInput>
{
    /// <summary>The rules.</summary>
    public BidLinkInputValidator()
    {
        RuleFor(x => x.OrganisationId).Must(o => string.IsNullOrEmpty(o) || Guid.TryParse(o, out _)).WithMessage("Select a provider organisation, or none.");
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>Withdrawing a bid: why (the owner must say; a provider may).</summary>
public sealed class WithdrawInput
{
    /// <summary>Why the bid is withdrawn.</summary>
    public string? Reason { get; set; }
}

/// <summary>Checks the withdrawal form; whether a reason is needed is the application's rule.</summary>
public sealed class WithdrawInputValidator : AbstractValidator<WithdrawInput>
{
    /// <summary>The rules.</summary>
    public WithdrawInputValidator() =>
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
}

/// <summary>A provider organisation to invite to bid, or whose invitation to withdraw.</summary>
public sealed class InviteInput
{
    /// <summary>The organisation's id.</summary>
    public string? OrganisationId { get; set; }
}

/// <summary>Checks the invitation form.</summary>
public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    /// <summary>The rules.</summary>
    public InviteInputValidator()
    {
        RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).WithMessage("Choose a provider organisation to invite.");
    }
}

/// <summary>One item of evidence a bid holds for a requirement.</summary>
public sealed class EvidenceEntry
{
    /// <summary>The requirement's id, such as GOV-01.</summary>
    public string? RequirementId { get; set; }

    /// <summary>The evidence held.</summary>
    public string? Item { get; set; }
}

/// <summary>
/// A provider's declarations against the standards, as typed: SEQOHS, the ESR interface, the
/// Responsible Officer, the consultants' qualification, staffing, how each sub-specialism is
/// provided, and the evidence held. A bid entered by hand and a readiness self-assessment both
/// ask for them with the same fields (<c>Pages/Shared/_DeclarationsFields.cshtml</c>).
/// </summary>
public partial class DeclarationsFields
{
    /// <summary>The number of evidence rows the form offers.</summary>
    public const int EvidenceRows = 8;

    /// <summary>The sub-specialisms a provider declares, by id, with what each is, in id order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SubSpecialismsInOrder { get; } =
        [.. Commissioning.Core.Evaluation.DeclarationChecks.SubSpecialisms.OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary><c>none</c>, <c>working-towards</c> or <c>accredited</c>.</summary>
    public string? Seqohs { get; set; }

    /// <summary>When SEQOHS accreditation was awarded or is expected.</summary>
    public DateInputModel SeqohsDate { get; set; } = new();

    /// <summary><c>none</c>, <c>planned</c> or <c>live</c>.</summary>
    public string? Esr { get; set; }

    /// <summary>When the ESR interface went or goes live.</summary>
    public DateInputModel EsrDate { get; set; } = new();

    /// <summary>The Responsible Officer, named.</summary>
    public string? ResponsibleOfficer { get; set; }

    /// <summary><c>none</c>, <c>cesr</c>, <c>cct</c> or <c>no-consultant</c>.</summary>
    public string? ConsultantQualification { get; set; }

    /// <summary>Occupational physicians, whole-time equivalent, as typed.</summary>
    public string? OccupationalPhysicians { get; set; }

    /// <summary>OH nurses, whole-time equivalent, as typed.</summary>
    public string? OhNurses { get; set; }

    /// <summary>Other clinical staff, whole-time equivalent, as typed.</summary>
    public string? OtherClinical { get; set; }

    /// <summary>Nursing practice teachers, a count, as typed.</summary>
    public string? NursingPracticeTeachers { get; set; }

    /// <summary>Specialty training posts, a count, as typed.</summary>
    public string? StrPosts { get; set; }

    /// <summary>How each sub-specialism is provided, by id: <c>not-offered</c>, <c>partner</c> or <c>direct</c>; empty when not said.</summary>
    public Dictionary<string, string?> Modes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The partner for each sub-specialism provided through one, by id.</summary>
    public Dictionary<string, string?> Partners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The evidence held, one item a row.</summary>
    public List<EvidenceEntry> Evidence { get; set; } = [];

    /// <summary>
    /// Gives the form a place for every sub-specialism and each evidence row, keeping whatever was
    /// sent; what was sent for a sub-specialism not listed is dropped.
    /// </summary>
    public void CompleteDeclarations(IEnumerable<string> subSpecialisms)
    {
        ArgumentNullException.ThrowIfNull(subSpecialisms);
        var subs = subSpecialisms.ToList();
        Modes = subs.ToDictionary(id => id, id => Modes.GetValueOrDefault(id), StringComparer.Ordinal);
        Partners = subs.ToDictionary(id => id, id => Partners.GetValueOrDefault(id), StringComparer.Ordinal);
        Evidence = [.. Enumerable.Range(0, EvidenceRows).Select(i => i < Evidence.Count ? Evidence[i] ?? new EvidenceEntry() : new EvidenceEntry())];
    }

    /// <summary>
    /// The field a part of the declarations is entered in, from its path in the declarations
    /// (<c>SeqohsDate</c>, <c>Staffing.OhNurses</c>, <c>SubSpecialisms[SUB-06].Partner</c>,
    /// <c>Evidence[GOV-01][0]</c>); empty for the form as a whole.
    /// </summary>
    public string FieldFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SubSpecialismPath().Match(path) is { Success: true } sub)
        {
            return sub.Groups["partner"].Success ? $"Partners[{sub.Groups["id"].Value}]" : $"Modes[{sub.Groups["id"].Value}]";
        }

        if (EvidencePath().Match(path) is { Success: true } evidence)
        {
            var row = Evidence.FindIndex(e => string.Equals(e.RequirementId?.Trim(), evidence.Groups["id"].Value, StringComparison.OrdinalIgnoreCase));
            return row < 0 ? "Evidence" : $"Evidence[{row}].{(evidence.Groups["index"].Success ? "Item" : "RequirementId")}";
        }

        return path.StartsWith("Staffing.", StringComparison.Ordinal) ? path["Staffing.".Length..]
            : path.Contains('[', StringComparison.Ordinal) ? string.Empty
            : path;
    }

    /// <summary>A figure as typed (blank is 0); null when it is not a number of 0 or more.</summary>
    public static decimal? Figure(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0m
        : decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The declarations; only after the validator has passed.</summary>
    public Commissioning.Core.Tenders.Declarations ToDeclarations() => new()
    {
        Seqohs = Seqohs switch { "accredited" => Commissioning.Core.Tenders.SeqohsStatus.Accredited, "working-towards" => Commissioning.Core.Tenders.SeqohsStatus.WorkingTowards, _ => Commissioning.Core.Tenders.SeqohsStatus.None },
        SeqohsDate = SeqohsDate.ToDate(),
        Esr = Esr switch { "live" => Commissioning.Core.Tenders.EsrInterface.Live, "planned" => Commissioning.Core.Tenders.EsrInterface.Planned, _ => Commissioning.Core.Tenders.EsrInterface.None },
        EsrDate = EsrDate.ToDate(),
        ResponsibleOfficer = string.IsNullOrWhiteSpace(ResponsibleOfficer) ? null : ResponsibleOfficer.Trim(),
        ConsultantQualification = ConsultantQualification switch { "cct" => Commissioning.Core.Tenders.ConsultantQualification.Cct, "cesr" => Commissioning.Core.Tenders.ConsultantQualification.Cesr, "no-consultant" => Commissioning.Core.Tenders.ConsultantQualification.NoConsultant, _ => Commissioning.Core.Tenders.ConsultantQualification.None },
        Staffing = new Commissioning.Core.Tenders.StaffingFigures
        {
            OccupationalPhysicians = Figure(OccupationalPhysicians) ?? 0,
            OhNurses = Figure(OhNurses) ?? 0,
            OtherClinical = Figure(OtherClinical) ?? 0,
            NursingPracticeTeachers = (int)(Figure(NursingPracticeTeachers) ?? 0),
            StrPosts = (int)(Figure(StrPosts) ?? 0),
        },
        SubSpecialisms = Modes.Where(m => !string.IsNullOrEmpty(m.Value)).ToDictionary(
            m => m.Key,
            m => new Commissioning.Core.Tenders.SubSpecialismProvision
            {
                Mode = m.Value switch { "partner" => Commissioning.Core.Tenders.ProvisionMode.Partner, "direct" => Commissioning.Core.Tenders.ProvisionMode.Direct, _ => Commissioning.Core.Tenders.ProvisionMode.NotOffered },
                Partner = Partners.GetValueOrDefault(m.Key) is { Length: > 0 } partner && !string.IsNullOrWhiteSpace(partner) ? partner.Trim() : null,
            },
            StringComparer.Ordinal),
        Evidence = Evidence.Where(e => !string.IsNullOrWhiteSpace(e.RequirementId) && !string.IsNullOrWhiteSpace(e.Item))
            .GroupBy(e => e.RequirementId!.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Item!.Trim())], StringComparer.Ordinal),
    };
}

public partial class DeclarationsFields
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^SubSpecialisms\[(?<id>[^\]]+)\](?<partner>\.Partner)?$")]
    private static partial System.Text.RegularExpressions.Regex SubSpecialismPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Evidence\[(?<id>[^\]]+)\](\[(?<index>\d+)\])?")]
    private static partial System.Text.RegularExpressions.Regex EvidencePath();
}

/// <summary>
/// A bid entered by hand: what a response workbook holds (the declarations, evidence, an answer
/// to each question and the prices), typed into the site from a response received another way.
/// </summary>
public sealed partial class BidEntryInput : DeclarationsFields
{
    /// <summary>The bid's reference.</summary>
    public string? BidId { get; set; }

    /// <summary>The provider's name.</summary>
    public string? Provider { get; set; }

    /// <summary>The answer to each question, by question id.</summary>
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The annual price for each contract year, as typed.</summary>
    public List<string?> AnnualPrices { get; set; } = [];

    /// <summary>The annual price for each extension year, as typed.</summary>
    public List<string?> ExtensionPrices { get; set; } = [];

    /// <summary>Why a late bid is accepted, once the bid deadline has passed.</summary>
    public string? LateReason { get; set; }

    /// <summary>
    /// Gives the form a place for every field the lot needs (every sub-specialism, the evidence
    /// rows, every question, every price year), keeping whatever was sent; what was sent for
    /// anything the lot does not have is dropped.
    /// </summary>
    public void Complete(IEnumerable<string> subSpecialisms, IEnumerable<string> questionIds, int contractYears, int extensionYears)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        CompleteDeclarations(subSpecialisms);
        Answers = questionIds.ToDictionary(id => id, id => Answers.GetValueOrDefault(id), StringComparer.Ordinal);
        AnnualPrices = [.. Enumerable.Range(0, contractYears).Select(i => i < AnnualPrices.Count ? AnnualPrices[i] : null)];
        ExtensionPrices = [.. Enumerable.Range(0, extensionYears).Select(i => i < ExtensionPrices.Count ? ExtensionPrices[i] : null)];
    }

    /// <summary>A price as typed: pounds, with or without a £ sign and commas between thousands, and pence.</summary>
    public static decimal? Money(string? text) =>
        text is not null && MoneyPattern().IsMatch(text.Trim())
            ? decimal.Parse(text.Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The bid for <paramref name="lotId"/>; only after the validator has passed.</summary>
    public Commissioning.Core.Tenders.Bid ToBid(string lotId) => new()
    {
        Id = BidId!.Trim(),
        LotId = lotId,
        Provider = Provider!.Trim(),
        Declarations = ToDeclarations(),
        Answers = [.. Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => new Commissioning.Core.Tenders.Answer { QuestionId = a.Key, Text = a.Value! })],
        Price = new Commissioning.Core.Tenders.PriceSchedule
        {
            AnnualPrices = [.. AnnualPrices.Select(p => Money(p) ?? 0m)],
            ExtensionPrices = [.. ExtensionPrices.Select(p => Money(p) ?? 0m)],
        },
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^£?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")]
    private static partial System.Text.RegularExpressions.Regex MoneyPattern();
}

/// <summary>
/// Checks the shape of a provider's declarations as typed: choices from their lists, dates real,
/// figures numbers, names and evidence on one line. Whether they satisfy a tender's gates is the
/// rules' business, not the form's.
/// </summary>
public sealed class DeclarationsFieldsValidator : AbstractValidator<DeclarationsFields>
{
    /// <summary>The rules.</summary>
    public DeclarationsFieldsValidator()
    {
        RuleFor(x => x.Seqohs).Must(v => v is "none" or "working-towards" or "accredited").WithMessage("Select the provider's SEQOHS accreditation.");
        RuleFor(x => x.SeqohsDate).RealDate("the SEQOHS date", required: false);
        RuleFor(x => x.Esr).Must(v => v is "none" or "planned" or "live").WithMessage("Select whether the provider's ESR interface is live, planned or not in place.");
        RuleFor(x => x.EsrDate).RealDate("the ESR interface date", required: false);
        RuleFor(x => x.ResponsibleOfficer).MaximumLength(200).WithMessage("The Responsible Officer's name must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The Responsible Officer's name");
        RuleFor(x => x.ConsultantQualification).Must(v => v is "none" or "cesr" or "cct" or "no-consultant").WithMessage("Select the consultants' qualification.");
        RuleFor(x => x.OccupationalPhysicians).Must(v => DeclarationsFields.Figure(v) is >= 0).WithMessage("Enter the occupational physicians as a number of 0 or more, such as 2.5.");
        RuleFor(x => x.OhNurses).Must(v => DeclarationsFields.Figure(v) is >= 0).WithMessage("Enter the OH nurses as a number of 0 or more, such as 7.2.");
        RuleFor(x => x.OtherClinical).Must(v => DeclarationsFields.Figure(v) is >= 0).WithMessage("Enter the other clinical staff as a number of 0 or more, such as 4.");
        RuleFor(x => x.NursingPracticeTeachers).Must(Whole).WithMessage("Enter the nursing practice teachers as a whole number from 0 to 100,000.");
        RuleFor(x => x.StrPosts).Must(Whole).WithMessage("Enter the specialty training posts as a whole number from 0 to 100,000.");
        RuleForEach(x => x.Modes).OverrideIndexer((_, _, m, _) => $"[{m.Key}]").Must(m => m.Value is null or "" or "not-offered" or "partner" or "direct").WithMessage("Select how the sub-specialism is provided.");
        RuleForEach(x => x.Partners).OverrideIndexer((_, _, p, _) => $"[{p.Key}]").Must(p => (p.Value?.Length ?? 0) <= 200).WithMessage("The partner's name must be 200 characters or fewer.");
        RuleForEach(x => x.Evidence).ChildRules(row =>
        {
            row.RuleFor(e => e.Item).NotEmpty().When(e => !string.IsNullOrWhiteSpace(e.RequirementId)).WithMessage(e => $"Describe the evidence held for {e.RequirementId}, or clear the requirement.")
                .MaximumLength(2000).WithMessage("The evidence must be 2,000 characters or fewer.")
                .PlainText(TextShape.OneLine, _ => "The evidence");
            row.RuleFor(e => e.RequirementId).NotEmpty().When(e => !string.IsNullOrWhiteSpace(e.Item)).WithMessage("Choose the requirement the evidence supports.");
        });
    }

    private static bool Whole(string? text) => DeclarationsFields.Figure(text) is { } value && value <= 100_000 && decimal.Truncate(value) == value;
}

/// <summary>
/// Checks the shape of a bid entered by hand: each field readable, choices from their lists,
/// dates real, figures numbers, prices in pounds. The tender's rules (prices above £0 and within
/// the ceiling, a date where a status needs one, a partner named, a reference not already used)
/// are checked by the application with the bid added to the tender, as for a workbook.
/// </summary>
public sealed partial class BidEntryInputValidator : AbstractValidator<BidEntryInput>
{
    /// <summary>The rules.</summary>
    public BidEntryInputValidator()
    {
        RuleFor(x => x.BidId).NotEmpty().WithMessage("Enter a reference for the bid, such as bid-northgate.")
            .Matches(BidReference()).WithMessage("The bid reference must be letters, digits, hyphens, dots or underscores, up to 40, such as bid-northgate.");
        RuleFor(x => x.Provider).NotEmpty().WithMessage("Enter the provider's name.")
            .MaximumLength(200).WithMessage("The provider's name must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The provider's name");
        Include(new DeclarationsFieldsValidator());
        RuleForEach(x => x.Answers).OverrideIndexer((_, _, a, _) => $"[{a.Key}]").Must(a => (a.Value?.Length ?? 0) <= 20_000).WithMessage("An answer must be 20,000 characters or fewer.");
        RuleFor(x => x.AnnualPrices).Custom((prices, context) => Prices(prices, "AnnualPrices", "contract", context));
        RuleFor(x => x.ExtensionPrices).Custom((prices, context) => Prices(prices, "ExtensionPrices", "extension", context));
        RuleFor(x => x.LateReason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }

    /// <summary>Each year's price, named by its year, on its own field.</summary>
    private static void Prices(List<string?> prices, string name, string kind, ValidationContext<BidEntryInput> context)
    {
        for (var i = 0; i < prices.Count; i++)
        {
            if (BidEntryInput.Money(prices[i]) is null)
            {
                context.AddFailure($"{name}[{i}]", string.IsNullOrWhiteSpace(prices[i])
                    ? $"Enter the annual price for {kind} year {i + 1}, in pounds."
                    : $"Enter the annual price for {kind} year {i + 1} in pounds, such as 1,980,000 or £1,980,000.50.");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[A-Za-z0-9][A-Za-z0-9_.-]{0,39}\s*$")]
    private static partial System.Text.RegularExpressions.Regex BidReference();
}
