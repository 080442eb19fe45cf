namespace Commissioning.Core.Tenders;

/// <summary>
/// An evaluator's declaration about conflicts of interest on a tender, made before their first
/// score: that they have none with any of the bidders named to them, or a conflict, described;
/// and, for a declared conflict, the owner's decision. Kept so that the evaluation report can show
/// how the buyer identified and dealt with conflicts (the toolkit's reading of Procurement Act 2023
/// ss.81–82: see docs/evaluation-in-the-site.md).
/// </summary>
public sealed record ConflictOfInterestDeclaration
{
    /// <summary>The evaluator id in the tender the declaration is for.</summary>
    public required string EvaluatorId { get; init; }
    /// <summary>The name of the person who declared.</summary>
    public required string DeclaredBy { get; init; }
    /// <summary>When they declared.</summary>
    public required DateTimeOffset DeclaredAt { get; init; }
    /// <summary>The bidders named to them when they declared.</summary>
    public IReadOnlyList<string> Bidders { get; init; } = [];
    /// <summary>True when they declared a conflict.</summary>
    public required bool HasConflict { get; init; }
    /// <summary>The conflict in their words, when one was declared.</summary>
    public string? Details { get; init; }
    /// <summary>The owner's decision on a declared conflict, or null while undecided (and always for no conflict).</summary>
    public ConflictDecision? Decision { get; init; }
}

/// <summary>The owner's decision on a declared conflict of interest.</summary>
public sealed record ConflictDecision
{
    /// <summary>True to let the evaluator score (the reason says how the conflict is managed), false to stand them down.</summary>
    public required bool MayContinue { get; init; }
    /// <summary>Why, in the owner's words.</summary>
    public required string Reason { get; init; }
    /// <summary>The name of the person who decided.</summary>
    public required string DecidedBy { get; init; }
    /// <summary>When they decided.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
}
