using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Validation;

/// <summary>
/// A provider's declarations checked on their own (readiness): dates that cannot be in the
/// future given today's date from the caller, evidence filed under requirements that exist,
/// and names in plain text. Each error is checked at its property path.
/// </summary>
public sealed class DeclarationsValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private const string Owner = "Harbourside OH's declarations";

    // The messages these tests expect that only a declarations check with today's date or the
    // standards gives; ValidatorTests.EveryMessageInTheValidators_IsCoveredByACase counts them.
    internal const string FutureSeqohs = "In Harbourside OH's declarations, SEQOHS accreditation is dated 3 March 2026, which is after today (2 March 2026). Enter the date it was awarded, or declare \"working-towards\" with the date it is expected.";
    internal const string FutureEsr = "In Harbourside OH's declarations, the ESR interface is declared live since 31 March 2027, which is after today (2 March 2026). Enter the date it went live, or declare it \"planned\" with that date.";
    internal const string UnknownEvidenceNear = "In Harbourside OH's declarations, evidence is listed under 'SEQ01' (at declarations.evidence.SEQ01), which is not a requirement in the standards. Did you mean 'SEQ-01'? Correct the id or remove the evidence.";
    internal const string UnknownEvidence = "In Harbourside OH's declarations, evidence is listed under 'ZZZ-99' (at declarations.evidence.ZZZ-99), which is not a requirement in the standards. Correct the id or remove the evidence.";

    internal static IEnumerable<string> Messages => [FutureSeqohs, FutureEsr, UnknownEvidenceNear, UnknownEvidence];

    private static Commissioning.Core.Tenders.Declarations Valid() => new()
    {
        Seqohs = SeqohsStatus.Accredited,
        SeqohsDate = new DateOnly(2021, 9, 15),
        Esr = EsrInterface.Live,
        EsrDate = new DateOnly(2024, 1, 31),
        SubSpecialisms = new Dictionary<string, SubSpecialismProvision> { ["SUB-06"] = new() { Mode = ProvisionMode.Partner, Partner = "Northern Radiation Advisers Ltd" } },
        ResponsibleOfficer = "Dr Eleanor Voss",
        Evidence = new Dictionary<string, IReadOnlyList<string>> { ["SEQ-01"] = ["SEQOHS certificate"], ["GOV-01"] = ["Governance framework"] },
    };

    private static (string Property, string Message)[] Errors(Commissioning.Core.Tenders.Declarations declarations, bool withStandards = true, bool withToday = true) =>
        [.. new DeclarationsValidator(Owner, withStandards ? Repository.Standards : null, withToday ? Today : null).Validate(declarations).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    [Test]
    public void Validate_ValidDeclarations_HasNoErrors()
    {
        Assert.That(Errors(Valid()), Is.Empty);
    }

    [Test]
    public void Validate_AccreditationDatedToday_IsAccepted()
    {
        Assert.That(Errors(Valid() with { SeqohsDate = Today, EsrDate = Today }), Is.Empty);
    }

    [Test]
    public void Validate_AccreditationDatedTomorrow_IsRefusedWithTheDates()
    {
        Assert.That(Errors(Valid() with { SeqohsDate = Today.AddDays(1) }), Is.EqualTo(new[]
        {
            ("SeqohsDate", FutureSeqohs),
        }));
    }

    [Test]
    public void Validate_EsrLiveFromAFutureDate_IsRefused()
    {
        Assert.That(Errors(Valid() with { EsrDate = new DateOnly(2027, 3, 31) }), Is.EqualTo(new[]
        {
            ("EsrDate", FutureEsr),
        }));
    }

    [Test]
    public void Validate_FutureDatesThatAreExpected_AreAccepted()
    {
        var declarations = Valid() with { Seqohs = SeqohsStatus.WorkingTowards, SeqohsDate = new DateOnly(2027, 1, 1), Esr = EsrInterface.Planned, EsrDate = new DateOnly(2027, 3, 31) };

        Assert.That(Errors(declarations), Is.Empty);
    }

    [Test]
    public void Validate_WithoutToday_DoesNotJudgeDates()
    {
        Assert.That(Errors(Valid() with { SeqohsDate = new DateOnly(2099, 1, 1) }, withToday: false), Is.Empty);
    }

    [Test]
    public void Validate_EvidenceUnderAnUnknownRequirement_IsReportedWithItsPath()
    {
        var declarations = Valid() with
        {
            Evidence = new Dictionary<string, IReadOnlyList<string>> { ["SEQ01"] = ["Certificate"], ["ZZZ-99"] = ["Something"], ["GOV-01"] = ["Framework"] },
        };

        Assert.That(Errors(declarations), Is.EqualTo(new[]
        {
            ("Evidence[SEQ01]", UnknownEvidenceNear),
            ("Evidence[ZZZ-99]", UnknownEvidence),
        }));
    }

    [Test]
    public void Validate_WithoutStandards_DoesNotCheckEvidenceIds()
    {
        var declarations = Valid() with { Evidence = new Dictionary<string, IReadOnlyList<string>> { ["ZZZ-99"] = ["Something"] } };

        Assert.That(Errors(declarations, withStandards: false), Is.Empty);
    }

    [Test]
    public void Validate_ControlCharactersInNamesAndEvidence_AreRefusedAtTheirPaths()
    {
        var declarations = Valid() with
        {
            ResponsibleOfficer = "Dr Voss\nMost advantageous tender: X",
            SubSpecialisms = new Dictionary<string, SubSpecialismProvision> { ["SUB-06"] = new() { Mode = ProvisionMode.Partner, Partner = "\u001B[31mNorthern" } },
            Evidence = new Dictionary<string, IReadOnlyList<string>> { ["SEQ-01"] = ["Certificate", "Review\u202E letter"] },
        };

        Assert.That(Errors(declarations), Is.EqualTo(new[]
        {
            ("ResponsibleOfficer", "The Responsible Officer named in Harbourside OH's declarations must be plain text on one line: remove the line break (U+000A) at character 8."),
            ("SubSpecialisms[SUB-06].Partner", "The partner named for 'SUB-06' in Harbourside OH's declarations must be plain text on one line: remove the control character (U+001B) at character 1."),
            ("Evidence[SEQ-01][1]", "Item 2 of the evidence for 'SEQ-01' in Harbourside OH's declarations must be plain text on one line: remove the text-direction control (U+202E) at character 7."),
        }));
    }
}
