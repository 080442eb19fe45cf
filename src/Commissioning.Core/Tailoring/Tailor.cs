using System.Globalization;
using Commissioning.Core.Conditions;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;

namespace Commissioning.Core.Tailoring;

/// <summary>
/// Tailors the standards to organisations: which requirements apply, how strongly, how they are
/// evaluated, and why. Pure: the same inputs always give the same specification.
/// </summary>
public static class Tailor
{
    /// <summary>The specification for one organisation.</summary>
    public static Specification For(StandardsCatalogue standards, OrganisationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(profile);
        return new Specification
        {
            Profile = profile,
            Items = [.. standards.Requirements.Select(r => Requirement(r, profile))],
        };
    }

    /// <summary>One requirement for one organisation.</summary>
    public static TailoredRequirement Requirement(Requirement requirement, OrganisationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(profile);

        var applies = requirement.AppliesWhen.Holds(profile);
        if (!applies)
        {
            return new TailoredRequirement
            {
                Requirement = requirement,
                Applies = false,
                Essential = false,
                Strength = requirement.Strength,
                Evaluation = requirement.Evaluation,
                Reason = Sentence($"does not apply because {requirement.AppliesWhen.Explain(profile)}"),
            };
        }

        var essential = requirement.EssentialWhen?.Holds(profile) ?? false;
        var because = requirement.AppliesWhen is AlwaysCondition
            ? "applies to every organisation"
            : $"applies because {requirement.AppliesWhen.Explain(profile)}";
        var reason = Sentence(because);
        if (requirement.IsCommissionerDuty)
        {
            reason += " " + CommissionerDutyReason;
        }

        if (requirement.EssentialWhen is { } essentialWhen)
        {
            reason += " " + (essential
                ? Sentence($"it is essential here because {essentialWhen.Explain(profile)}, so it is a must and a pass/fail gate")
                : Sentence($"it is not essential here because {essentialWhen.Explain(profile)}; it would become a must and a pass/fail gate if {essentialWhen.Describe()}"));
        }

        return new TailoredRequirement
        {
            Requirement = requirement,
            Applies = true,
            Essential = essential,
            Strength = essential ? Strength.Must : requirement.Strength,
            Evaluation = essential ? EvaluationMethod.Gate : requirement.Evaluation,
            Reason = reason,
        };
    }

    /// <summary>One specification for several organisations buying together.</summary>
    public static CollaborativeSpecification ForGroup(StandardsCatalogue standards, IReadOnlyList<OrganisationProfile> members)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A collaborative specification needs at least one member.", nameof(members));
        }

        var items = standards.Requirements.Select(requirement =>
        {
            var perMember = members
                .Select(m => new MemberRequirement { Member = m, Tailored = Requirement(requirement, m) })
                .ToList();
            var applying = perMember.Where(m => m.Tailored.Applies).ToList();
            return new CombinedRequirement
            {
                Requirement = requirement,
                Applies = applying.Count > 0,
                Strength = applying.Count > 0 ? applying.Max(m => m.Tailored.Strength) : requirement.Strength,
                Evaluation = applying.Count > 0 ? applying.Max(m => m.Tailored.Evaluation) : requirement.Evaluation,
                Members = perMember,
                Summary = Summarise(perMember),
            };
        }).ToList();

        return new CollaborativeSpecification { Members = members, Items = items };
    }

    private static string Summarise(List<MemberRequirement> perMember)
    {
        var applying = perMember.Where(m => m.Tailored.Applies).ToList();
        var essentialFor = perMember.Where(m => m.Tailored.Essential).Select(m => m.Member.Name).ToList();
        var count = applying.Count == perMember.Count
            ? (perMember.Count == 1 ? "Applies to the only member." : $"Applies to all {perMember.Count} members.")
            : applying.Count == 0
                ? "Applies to no member."
                : $"Applies to {applying.Count.ToString(CultureInfo.InvariantCulture)} of {perMember.Count.ToString(CultureInfo.InvariantCulture)} members: {Condition.JoinClauses(applying.Select(m => m.Member.Name), "and")}.";
        return essentialFor.Count == 0 ? count : $"{count} Essential for {Condition.JoinClauses(essentialFor, "and")}.";
    }

    /// <summary>What tailoring says of a requirement that is the buying organisation's own duty.</summary>
    public const string CommissionerDutyReason =
        "It is your organisation's own duty as commissioner, not a requirement on providers: ask providers about it for information only, and do not score it or make it pass or fail.";

    private static string Sentence(string clause) =>
        clause.Length == 0 ? clause : char.ToUpperInvariant(clause[0]) + clause[1..] + ".";
}
