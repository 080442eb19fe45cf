using Commissioning.Core.Evaluation;
using FluentValidation;

namespace Commissioning.Core.Tenders.Validation;

/// <summary>
/// The rules a provider's declarations must meet, in a bid or on their own (readiness): dates
/// for the SEQOHS and ESR positions, known sub-specialisms with named partners, and staffing
/// figures that are not negative.
/// </summary>
public sealed class DeclarationsValidator : AbstractValidator<Declarations>
{
    /// <summary>Creates the validator; <paramref name="owner"/> names whose declarations they are in messages.</summary>
    public DeclarationsValidator(string owner)
    {
        RuleFor(d => d).Custom((declarations, context) =>
        {
            foreach (var (property, message) in Problems(declarations, owner))
            {
                context.AddFailure(property, message);
            }
        });
    }

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
                yield return ("SubSpecialisms", $"{who} declares '{requirementId}', which is not a sub-specialism. Use SUB-02 to SUB-11.");
            }
            else if (provision.Mode == ProvisionMode.Partner && string.IsNullOrWhiteSpace(provision.Partner))
            {
                yield return ("SubSpecialisms", $"{who} provides {DeclarationChecks.SubSpecialisms[requirementId]} ({requirementId}) through a partner. Name the partner.");
            }
        }

        var staffing = declarations.Staffing;
        if (staffing.OccupationalPhysicians < 0 || staffing.OhNurses < 0 || staffing.OtherClinical < 0 || staffing.NursingPracticeTeachers < 0 || staffing.StrPosts < 0)
        {
            yield return ("Staffing", $"Staffing figures in {owner} cannot be negative.");
        }
    }
}
