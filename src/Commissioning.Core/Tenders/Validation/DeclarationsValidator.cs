using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Standards;
using FluentValidation;
using static Commissioning.Core.Text.TextRuleExtensions;

namespace Commissioning.Core.Tenders.Validation;

/// <summary>
/// The rules a provider's declarations must meet, in a bid or on their own (readiness): dates
/// for the SEQOHS and ESR positions, known sub-specialisms with named partners, staffing
/// figures that are not negative, and names and evidence in plain text. Given today's date,
/// accreditation and go-live dates must not be in the future; given the standards, evidence must
/// be filed under requirements that exist.
/// </summary>
public sealed class DeclarationsValidator : AbstractValidator<Declarations>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="owner">Whose declarations they are, for messages, such as "Northgate OH's declarations".</param>
    /// <param name="standards">The standards: with them, evidence under an id that is not a requirement is refused.</param>
    /// <param name="today">Today's date, from the caller's clock (Core has none): with it, an accreditation or go-live date after today is refused.</param>
    public DeclarationsValidator(string owner, StandardsCatalogue? standards = null, DateOnly? today = null)
    {
        RuleFor(d => d).Custom((declarations, context) =>
        {
            foreach (var (property, message) in Problems(declarations, owner))
            {
                context.AddFailure(property, message);
            }
        });

        if (today is { } date)
        {
            RuleFor(d => d).Custom((declarations, context) =>
            {
                foreach (var (property, message) in FutureDates(declarations, owner, date))
                {
                    context.AddFailure(property, message);
                }
            });
        }

        if (standards is not null)
        {
            RuleFor(d => d.Evidence).Custom((evidence, context) =>
            {
                foreach (var id in evidence.Keys.Where(id => standards.FindRequirement(id) is null))
                {
                    var nearest = JsonText.Nearest(id, standards.Requirements.Select(r => r.Id));
                    context.AddFailure($"Evidence[{id}]",
                        $"In {owner}, evidence is listed under {Quoted(id)} (at {JsonText.Property("declarations.evidence", id)}), which is not a requirement in the standards."
                        + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?")
                        + " Correct the id or remove the evidence.");
                }
            });
        }

        Include(new DeclarationsTextValidator(owner));
    }

    /// <summary>
    /// A date that says something has already happened (accredited since, live since) cannot be
    /// after today: a future accreditation is "working towards", a future go-live is "planned".
    /// </summary>
    private static IEnumerable<(string Property, string Message)> FutureDates(Declarations declarations, string owner, DateOnly today)
    {
        if (declarations.Seqohs == SeqohsStatus.Accredited && declarations.SeqohsDate is { } awarded && awarded > today)
        {
            yield return ("SeqohsDate", $"In {owner}, SEQOHS accreditation is dated {Day(awarded)}, which is after today ({Day(today)}). Enter the date it was awarded, or declare \"working-towards\" with the date it is expected.");
        }

        if (declarations.Esr == EsrInterface.Live && declarations.EsrDate is { } live && live > today)
        {
            yield return ("EsrDate", $"In {owner}, the ESR interface is declared live since {Day(live)}, which is after today ({Day(today)}). Enter the date it went live, or declare it \"planned\" with that date.");
        }
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Every problem with the declarations, as (property, message).</summary>
    public static IEnumerable<(string Property, string Message)> Problems(Declarations declarations, string owner)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var who = TenderValidator.Capital(owner);
        if (declarations.Seqohs == SeqohsStatus.Accredited && declarations.SeqohsDate is null)
        {
            yield return ("SeqohsDate", $"{who} declares SEQOHS accreditation. Enter the date it was awarded.");
        }

        if (declarations.Esr is EsrInterface.Live or EsrInterface.Planned && declarations.EsrDate is null)
        {
            yield return ("EsrDate", $"{who} declares the ESR interface {(declarations.Esr == EsrInterface.Live ? "live" : "planned")}. Enter the date it {(declarations.Esr == EsrInterface.Live ? "went live" : "is planned to go live")}.");
        }

        foreach (var (requirementId, provision) in declarations.SubSpecialisms)
        {
            if (!DeclarationChecks.SubSpecialisms.ContainsKey(requirementId))
            {
                yield return ($"SubSpecialisms[{requirementId}]", $"{who} declares '{requirementId}', which is not a sub-specialism. Use SUB-02 to SUB-11.");
            }
            else if (provision.Mode == ProvisionMode.Partner && string.IsNullOrWhiteSpace(provision.Partner))
            {
                yield return ($"SubSpecialisms[{requirementId}].Partner", $"{who} provides {DeclarationChecks.SubSpecialisms[requirementId]} ({requirementId}) through a partner. Name the partner.");
            }
        }

        var staffing = declarations.Staffing;
        if (staffing.OccupationalPhysicians < 0 || staffing.OhNurses < 0 || staffing.OtherClinical < 0 || staffing.NursingPracticeTeachers < 0 || staffing.StrPosts < 0)
        {
            yield return ("Staffing", $"Staffing figures in {owner} cannot be negative.");
        }
    }
}
