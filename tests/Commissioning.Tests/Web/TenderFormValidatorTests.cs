using System.Text.RegularExpressions;
using Commissioning.Tests.Support;
using Commissioning.Web.Forms;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;

namespace Commissioning.Tests.Web;

/// <summary>
/// The tender pages' forms: each message their validators can give, on the field it names; and
/// a check that every message written in <c>TenderForms.cs</c> is given by at least one case.
/// </summary>
public sealed partial class TenderFormValidatorTests
{
    private static FormFile File(string name, long length) => new FormFile(Stream.Null, 0, length, "Input.File", name);

    private static string Long(int length) => new('a', length);

    /// <summary>(validator result, expected field, expected message start).</summary>
    private static IEnumerable<(string Name, Func<ValidationResult> Validate, string Field, string Message)> Cases()
    {
        var import = new ImportInputValidator();
        var person = new PersonInputValidator();
        var remove = new RemoveInputValidator();
        var link = new BidLinkInputValidator();
        var prices = new PricesInputValidator();
        var validPerson = new PersonInput { Email = "alex@example.nhs.uk", Role = "Evaluator" };
        var validLink = new BidLinkInput();
        var upload = new BidUploadInputValidator();
        FormFile Workbook(string name, long length) => new(Stream.Null, 0, length, "Upload.Files", name);

        yield return ("no file", () => import.Validate(new ImportInput()), "File", "Select a tender file (.json) to import.");
        yield return ("not .json", () => import.Validate(new ImportInput { File = File("tender.txt", 10) }), "File", "The selected file must be a tender file ending in .json.");
        yield return ("empty file", () => import.Validate(new ImportInput { File = File("tender.json", 0) }), "File", "The selected file is empty.");
        yield return ("file too large", () => import.Validate(new ImportInput { File = File("tender.json", 31L * 1024 * 1024) }), "File", "The selected file must be smaller than 30 MB.");
        yield return ("no email", () => person.Validate(new PersonInput { Role = "Observer" }), "Email", "Enter the email address of the person's account.");
        yield return ("email too long", () => person.Validate(validPerson.With(p => p.Email = Long(257))), "Email", "The email address must be 256 characters or fewer.");
        yield return ("email with a bidi override", () => person.Validate(validPerson.With(p => p.Email = "a\u202Eb@example.nhs.uk")), "Email", "The email address");
        yield return ("unknown role", () => person.Validate(validPerson.With(p => p.Role = "Boss")), "Role", "Select the person's role on this tender.");
        yield return ("evaluator id too long", () => person.Validate(validPerson.With(p => p.EvaluatorId = Long(101))), "EvaluatorId", "The evaluator id must be 100 characters or fewer.");
        yield return ("scope too long", () => person.Validate(validPerson.With(p => p.Scope = Long(1001))), "Scope", "The lots and sections must be 1,000 characters or fewer.");
        yield return ("person reason too long", () => person.Validate(validPerson.With(p => p.Reason = Long(2001))), "Reason", "The reason must be 2,000 characters or fewer.");
        yield return ("no role chosen to take away", () => remove.Validate(new RemoveInput()), "MembershipId", "Choose the role to take away.");
        var role = Guid.NewGuid();
        yield return ("remove reason too long", () => remove.Validate(new RemoveInput { MembershipId = role, Reasons = new() { [role] = Long(2001) } }), "Reason", "The reason must be 2,000 characters or fewer.");
        yield return ("too many remove reasons", () => remove.Validate(new RemoveInput { MembershipId = role, Reasons = Enumerable.Range(0, 1001).ToDictionary(_ => Guid.NewGuid(), _ => (string?)null) }), "Reasons", "The form carried too many reasons. Reload the page and try again.");
        yield return ("organisation not an id", () => link.Validate(validLink.With(l => l.OrganisationId = "Northgate")), "OrganisationId", "Select a provider organisation, or none.");
        yield return ("link reason too long", () => link.Validate(validLink.With(l => l.Reason = Long(2001))), "Reason", "The reason must be 2,000 characters or fewer.");
        yield return ("no workbook", () => upload.Validate(new BidUploadInput()), "Files", "Select one or more filled response workbooks (.xlsx) to upload.");
        yield return ("51 workbooks", () => upload.Validate(new BidUploadInput { Files = [.. Enumerable.Range(0, 51).Select(i => (IFormFile)Workbook($"bid-{i}.xlsx", 100))] }), "Files", "Select at most 50 workbooks at once; 51 were selected.");
        yield return ("a PDF among workbooks", () => upload.Validate(new BidUploadInput { Files = [Workbook("a.xlsx", 100), Workbook("b.pdf", 100)] }), "Files", "Every file must be an Excel workbook ending in .xlsx: The file b.pdf is not.");
        yield return ("an empty workbook", () => upload.Validate(new BidUploadInput { Files = [Workbook("a.xlsx", 0)] }), "Files", "The file a.xlsx is empty.");
        yield return ("a workbook over 10 MB", () => upload.Validate(new BidUploadInput { Files = [Workbook("a.xlsx", 11L * 1024 * 1024)] }), "Files", "The file a.xlsx is larger than 10 MB");
        yield return ("workbooks over 30 MB together", () => upload.Validate(new BidUploadInput { Files = [.. Enumerable.Range(0, 4).Select(i => (IFormFile)Workbook($"{i}.xlsx", 9L * 1024 * 1024))] }), "Files", "The workbooks together must be smaller than 30 MB.");
        var entry = new BidEntryInputValidator();
        BidEntryInput Entry() => new() { BidId = "bid-a", Provider = "Northgate", Seqohs = "none", Esr = "none", ConsultantQualification = "none" };
        yield return ("no bid reference", () => entry.Validate(Entry().With(e => e.BidId = " ")), "BidId", "Enter a reference for the bid, such as bid-northgate.");
        yield return ("bid reference with a slash", () => entry.Validate(Entry().With(e => e.BidId = "bid/a")), "BidId", "The bid reference must be letters, digits, hyphens, dots or underscores, up to 40, such as bid-northgate.");
        yield return ("no provider", () => entry.Validate(Entry().With(e => e.Provider = null)), "Provider", "Enter the provider's name.");
        yield return ("provider too long", () => entry.Validate(Entry().With(e => e.Provider = Long(201))), "Provider", "The provider's name must be 200 characters or fewer.");
        yield return ("no SEQOHS status", () => entry.Validate(Entry().With(e => e.Seqohs = "maybe")), "Seqohs", "Select the provider's SEQOHS accreditation.");
        yield return ("no ESR status", () => entry.Validate(Entry().With(e => e.Esr = null)), "Esr", "Select whether the provider's ESR interface is live, planned or not in place.");
        yield return ("Responsible Officer too long", () => entry.Validate(Entry().With(e => e.ResponsibleOfficer = Long(201))), "ResponsibleOfficer", "The Responsible Officer's name must be 200 characters or fewer.");
        yield return ("no qualification", () => entry.Validate(Entry().With(e => e.ConsultantQualification = "MFOM")), "ConsultantQualification", "Select the consultants' qualification.");
        yield return ("physicians in words", () => entry.Validate(Entry().With(e => e.OccupationalPhysicians = "two")), "OccupationalPhysicians", "Enter the occupational physicians as a number of 0 or more, such as 2.5.");
        yield return ("nurses negative", () => entry.Validate(Entry().With(e => e.OhNurses = "-1")), "OhNurses", "Enter the OH nurses as a number of 0 or more, such as 7.2.");
        yield return ("other clinical in words", () => entry.Validate(Entry().With(e => e.OtherClinical = "some")), "OtherClinical", "Enter the other clinical staff as a number of 0 or more, such as 4.");
        yield return ("half a teacher", () => entry.Validate(Entry().With(e => e.NursingPracticeTeachers = "2.5")), "NursingPracticeTeachers", "Enter the nursing practice teachers as a whole number from 0 to 100,000.");
        yield return ("a million posts", () => entry.Validate(Entry().With(e => e.StrPosts = "1000000")), "StrPosts", "Enter the specialty training posts as a whole number from 0 to 100,000.");
        yield return ("unknown provision", () => entry.Validate(Entry().With(e => e.Modes = new() { ["SUB-02"] = "sometimes" })), "Modes[SUB-02]", "Select how the sub-specialism is provided.");
        yield return ("partner too long", () => entry.Validate(Entry().With(e => e.Partners = new() { ["SUB-06"] = Long(201) })), "Partners[SUB-06]", "The partner's name must be 200 characters or fewer.");
        yield return ("evidence with no requirement", () => entry.Validate(Entry().With(e => e.Evidence = [new EvidenceEntry { Item = "A policy" }])), "Evidence[0].RequirementId", "Choose the requirement the evidence supports.");
        yield return ("evidence too long", () => entry.Validate(Entry().With(e => e.Evidence = [new EvidenceEntry { RequirementId = "GOV-01", Item = Long(2001) }])), "Evidence[0].Item", "The evidence must be 2,000 characters or fewer.");
        yield return ("requirement with no evidence", () => entry.Validate(Entry().With(e => e.Evidence = [new EvidenceEntry { RequirementId = "GOV-01" }])), "Evidence[0].Item", "Describe the evidence held for GOV-01");
        yield return ("answer too long", () => entry.Validate(Entry().With(e => e.Answers = new() { ["Q1.1"] = Long(20_001) })), "Answers[Q1.1]", "An answer must be 20,000 characters or fewer.");
        yield return ("price in words", () => entry.Validate(Entry().With(e => e.AnnualPrices = ["1,980,000", "about two million"])), "AnnualPrices[1]", "Enter the annual price for contract year 2 in pounds");
        yield return ("extension price blank", () => entry.Validate(Entry().With(e => e.ExtensionPrices = [" "])), "ExtensionPrices[0]", "Enter the annual price for extension year 1, in pounds.");
        yield return ("entry late reason too long", () => entry.Validate(Entry().With(e => e.LateReason = Long(2001))), "LateReason", "The reason must be 2,000 characters or fewer.");
        yield return ("withdrawal reason too long", () => new WithdrawInputValidator().Validate(new WithdrawInput { Reason = Long(2001) }), "Reason", "The reason must be 2,000 characters or fewer.");
        yield return ("invitation of no organisation", () => new InviteInputValidator().Validate(new InviteInput { OrganisationId = "Northgate" }), "OrganisationId", "Choose a provider organisation to invite.");
        yield return ("late reason too long", () => upload.Validate(new BidUploadInput { Files = [Workbook("a.xlsx", 100)], LateReason = Long(2001) }), "LateReason", "The reason must be 2,000 characters or fewer.");
        yield return ("prices reason too long", () => prices.Validate(new PricesInput { Reason = Long(2001) }), "Reason", "The reason must be 2,000 characters or fewer.");
    }

    [Test]
    public void EachCase_GivesItsMessageOnItsField()
    {
        var checkedCases = 0;
        foreach (var (name, validate, field, message) in Cases())
        {
            var result = validate();
            Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).Any(e => e.PropertyName == field && e.ErrorMessage.StartsWith(message, StringComparison.Ordinal)),
                Is.True, $"{name}: expected '{message}' on {field}, got {string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
            checkedCases++;
        }

        Assert.That(checkedCases, Is.EqualTo(48));
    }

    [Test]
    public void ValidInput_GivesNoErrors()
    {
        Assert.That(new PersonInputValidator().Validate(new PersonInput { Email = "alex@example.nhs.uk", Role = "Moderator", EvaluatorId = "m1", Scope = "lot-1, lot-2/s1" }).IsValid, Is.True);
        Assert.That(new PersonInput { Scope = "lot-1, lot-2/s1" }.ChosenScope().Select(s => s.ToString()), Is.EqualTo(new[] { "lot-1", "lot-2, section s1" }));
        Assert.That(new ImportInputValidator().Validate(new ImportInput { File = File("Tender.JSON", 100) }).IsValid, Is.True);
        var entry = new BidEntryInput { BidId = "bid-a", Provider = "Northgate", Seqohs = "accredited", Esr = "none", ConsultantQualification = "cct", OhNurses = "7.2", AnnualPrices = ["£1,980,000.50", "2010000"] };
        Assert.That(new BidEntryInputValidator().Validate(entry).IsValid, Is.True);
        Assert.That(entry.ToBid("lot-1").Price.AnnualPrices, Is.EqualTo(new[] { 1_980_000.50m, 2_010_000m }));
    }

    [Test]
    public void EveryMessageInTenderForms_IsGivenByACase()
    {
        var source = System.IO.File.ReadAllText(Path.Combine(Repository.Root, "src", "Commissioning.Web", "Forms", "TenderForms.cs"))
            + System.IO.File.ReadAllText(Path.Combine(Repository.Root, "src", "Commissioning.Web", "Forms", "BidForms.cs"));
        var written = MessagePattern().Matches(source).Select(m => m.Groups[2].Value).Select(m => m.Split('{')[0]).Distinct().ToList();
        var given = Cases().Select(c => c.Message).ToList();

        Assert.That(written, Has.Count.GreaterThanOrEqualTo(15), "the messages were found in the source");
        Assert.That(written.Where(w => !given.Any(g => g.StartsWith(w, StringComparison.Ordinal))), Is.Empty, "messages no case gives");
    }

    [GeneratedRegex("WithMessage\\((\\$?)\"([^\"]+)\"\\)")]
    private static partial Regex MessagePattern();
}

internal static class FormTestExtensions
{
    /// <summary>A copy of the form with one change, so cases do not share state.</summary>
    public static T With<T>(this T form, Action<T> change)
        where T : class
    {
        var copy = (T)typeof(T).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(form, null)!;
        change(copy);
        return copy;
    }
}
