using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;

namespace Commissioning.Core.Tailoring;

/// <summary>One requirement as it stands for one organisation.</summary>
public sealed record TailoredRequirement
{
    /// <summary>The requirement from the standards.</summary>
    public required Requirement Requirement { get; init; }
    /// <summary>Whether it applies to the organisation.</summary>
    public required bool Applies { get; init; }
    /// <summary>Whether its "essential when" condition holds, making it a must and a gate.</summary>
    public required bool Essential { get; init; }
    /// <summary>Its strength for this organisation.</summary>
    public required Strength Strength { get; init; }
    /// <summary>How it is evaluated for this organisation.</summary>
    public required EvaluationMethod Evaluation { get; init; }
    /// <summary>Why, in plain English.</summary>
    public required string Reason { get; init; }
    /// <summary>True when it is the buying organisation's own duty, asked of providers for information only.</summary>
    public bool IsCommissionerDuty => Requirement.IsCommissionerDuty;
}

/// <summary>The tailored specification for one organisation.</summary>
public sealed record Specification
{
    /// <summary>The organisation it was tailored for.</summary>
    public required OrganisationProfile Profile { get; init; }
    /// <summary>Every requirement, in guide order, with whether and how it applies.</summary>
    public required IReadOnlyList<TailoredRequirement> Items { get; init; }

    /// <summary>The requirements that apply, including the organisation's own duties as commissioner.</summary>
    public IEnumerable<TailoredRequirement> Applicable => Items.Where(i => i.Applies);

    /// <summary>The requirements that apply and are put to providers.</summary>
    public IEnumerable<TailoredRequirement> ForProviders => Applicable.Where(i => !i.IsCommissionerDuty);

    /// <summary>The requirements that apply as the organisation's own duties, asked of providers for information only.</summary>
    public IEnumerable<TailoredRequirement> CommissionerDuties => Applicable.Where(i => i.IsCommissionerDuty);

    /// <summary>The requirements that apply as pass/fail gates.</summary>
    public IEnumerable<TailoredRequirement> Gates => Applicable.Where(i => i.Evaluation == EvaluationMethod.Gate);
}

/// <summary>How one member of a collaborative purchase stands on one requirement.</summary>
public sealed record MemberRequirement
{
    /// <summary>The member organisation.</summary>
    public required OrganisationProfile Member { get; init; }
    /// <summary>Whether and why it applies to that member.</summary>
    public required TailoredRequirement Tailored { get; init; }
}

/// <summary>One requirement across every member of a collaborative purchase.</summary>
public sealed record CombinedRequirement
{
    /// <summary>The requirement from the standards.</summary>
    public required Requirement Requirement { get; init; }
    /// <summary>True when it applies to at least one member.</summary>
    public required bool Applies { get; init; }
    /// <summary>The strongest strength among the members it applies to.</summary>
    public required Strength Strength { get; init; }
    /// <summary>The weightiest evaluation among the members it applies to.</summary>
    public required EvaluationMethod Evaluation { get; init; }
    /// <summary>Each member's position and reason, in member order.</summary>
    public required IReadOnlyList<MemberRequirement> Members { get; init; }
    /// <summary>A one-sentence summary across the members.</summary>
    public required string Summary { get; init; }
}

/// <summary>
/// One specification for several organisations buying together ("go once, go together"): a
/// requirement applies if it applies to any member, at the strongest level any member needs.
/// </summary>
public sealed record CollaborativeSpecification
{
    /// <summary>The member organisations, in the order given.</summary>
    public required IReadOnlyList<OrganisationProfile> Members { get; init; }
    /// <summary>Every requirement, in guide order.</summary>
    public required IReadOnlyList<CombinedRequirement> Items { get; init; }

    /// <summary>The combined headcount of all members.</summary>
    public int TotalHeadcount => Members.Sum(m => m.Headcount);

    /// <summary>The requirements that apply to at least one member.</summary>
    public IEnumerable<CombinedRequirement> Applicable => Items.Where(i => i.Applies);
}
