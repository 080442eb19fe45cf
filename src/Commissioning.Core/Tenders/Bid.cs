namespace Commissioning.Core.Tenders;

/// <summary>A provider's SEQOHS position (the national OH accreditation).</summary>
public enum SeqohsStatus
{
    /// <summary>Neither accredited nor working towards it.</summary>
    None,
    /// <summary>Registered and working towards accreditation.</summary>
    WorkingTowards,
    /// <summary>Accredited.</summary>
    Accredited,
}

/// <summary>The provider's two-way interface with the Electronic Staff Record.</summary>
public enum EsrInterface
{
    /// <summary>No interface and none planned.</summary>
    None,
    /// <summary>Planned, with a date.</summary>
    Planned,
    /// <summary>Live in both directions.</summary>
    Live,
}

/// <summary>How a provider offers a sub-specialism.</summary>
public enum ProvisionMode
{
    /// <summary>Not offered.</summary>
    NotOffered,
    /// <summary>Through a named partner.</summary>
    Partner,
    /// <summary>By the provider's own staff.</summary>
    Direct,
}

/// <summary>The qualification held by the provider's consultant occupational physicians.</summary>
public enum ConsultantQualification
{
    /// <summary>The service has consultants, and none of them holds a CCT or CESR.</summary>
    None,
    /// <summary>Certificate of Eligibility for Specialist Registration.</summary>
    Cesr,
    /// <summary>Certificate of Completion of Training.</summary>
    Cct,
    /// <summary>
    /// The service has no consultant, so there is no consultant's qualification to declare
    /// (STF-07 asks about the qualification of any consultant; it does not ask for one).
    /// </summary>
    NoConsultant,
}

/// <summary>How one sub-specialism is provided.</summary>
public sealed record SubSpecialismProvision
{
    /// <summary>Direct, through a partner, or not offered.</summary>
    public required ProvisionMode Mode { get; init; }
    /// <summary>The partner's name, when through a partner.</summary>
    public string? Partner { get; init; }
}

/// <summary>Staffing figures, in whole-time equivalents except where counted.</summary>
public sealed record StaffingFigures
{
    /// <summary>Occupational physicians (WTE).</summary>
    public decimal OccupationalPhysicians { get; init; }
    /// <summary>OH nurses (WTE).</summary>
    public decimal OhNurses { get; init; }
    /// <summary>Other clinical staff such as physiotherapists and psychologists (WTE).</summary>
    public decimal OtherClinical { get; init; }
    /// <summary>Nursing practice teachers (people).</summary>
    public int NursingPracticeTeachers { get; init; }
    /// <summary>Specialty registrar training posts (posts).</summary>
    public int StrPosts { get; init; }
}

/// <summary>
/// What a provider declares against the standards: the facts that decide gates and readiness.
/// </summary>
public sealed record Declarations
{
    /// <summary>SEQOHS position.</summary>
    public SeqohsStatus Seqohs { get; init; }
    /// <summary>Accreditation date, or the date accreditation is expected.</summary>
    public DateOnly? SeqohsDate { get; init; }
    /// <summary>ESR interface.</summary>
    public EsrInterface Esr { get; init; }
    /// <summary>When the ESR interface went live or is planned to.</summary>
    public DateOnly? EsrDate { get; init; }
    /// <summary>Sub-specialism provision keyed by requirement id (SUB-02 to SUB-11).</summary>
    public IReadOnlyDictionary<string, SubSpecialismProvision> SubSpecialisms { get; init; } = new Dictionary<string, SubSpecialismProvision>();
    /// <summary>Staffing figures.</summary>
    public StaffingFigures Staffing { get; init; } = new();
    /// <summary>The named Responsible Officer for the provider's doctors.</summary>
    public string? ResponsibleOfficer { get; init; }
    /// <summary>The consultants' qualification.</summary>
    public ConsultantQualification ConsultantQualification { get; init; }
    /// <summary>Evidence the provider holds, keyed by requirement id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Evidence { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>The bid's prices: one a contract year, then one an extension year.</summary>
public sealed record PriceSchedule
{
    /// <summary>Annual price for each initial contract year, in pounds.</summary>
    public required IReadOnlyList<decimal> AnnualPrices { get; init; }
    /// <summary>Annual price for each extension year, in pounds.</summary>
    public IReadOnlyList<decimal> ExtensionPrices { get; init; } = [];
}

/// <summary>A bidder's answer to one question.</summary>
public sealed record Answer
{
    /// <summary>The question.</summary>
    public required string QuestionId { get; init; }
    /// <summary>The answer as submitted.</summary>
    public required string Text { get; init; }
}

/// <summary>A provider's bid for one lot.</summary>
public sealed record Bid
{
    /// <summary>Stable id, such as <c>bid-a</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The lot bid for.</summary>
    public required string LotId { get; init; }
    /// <summary>The provider's name.</summary>
    public required string Provider { get; init; }
    /// <summary>Declarations against the standards.</summary>
    public required Declarations Declarations { get; init; }
    /// <summary>Prices.</summary>
    public required PriceSchedule Price { get; init; }
    /// <summary>Answers to the lot's questions.</summary>
    public IReadOnlyList<Answer> Answers { get; init; } = [];
}

/// <summary>One evaluator's independent score for one bid on one question.</summary>
public sealed record EvaluatorScore
{
    /// <summary>Who scored.</summary>
    public required string EvaluatorId { get; init; }
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>The question.</summary>
    public required string QuestionId { get; init; }
    /// <summary>The score on the tender's scale.</summary>
    public required decimal Score { get; init; }
    /// <summary>Why, with reference to the bid's answer.</summary>
    public required string Rationale { get; init; }
}

/// <summary>The consensus score agreed at moderation. The evaluators' own scores are kept.</summary>
public sealed record ModeratedScore
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>The question.</summary>
    public required string QuestionId { get; init; }
    /// <summary>The consensus score.</summary>
    public required decimal Score { get; init; }
    /// <summary>Why the panel agreed it.</summary>
    public required string Reason { get; init; }
    /// <summary>The moderator who recorded it.</summary>
    public required string ModeratorId { get; init; }
}

/// <summary>A recorded pass or fail decision on a gate, for gates the declarations cannot decide.</summary>
public sealed record GateDecision
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>The gate.</summary>
    public required string GateId { get; init; }
    /// <summary>Pass or fail.</summary>
    public required bool Passed { get; init; }
    /// <summary>Why, with reference to the bid.</summary>
    public required string Reason { get; init; }
    /// <summary>Who decided.</summary>
    public required string DecidedBy { get; init; }
}

/// <summary>What the buyer decided about a price that may be abnormally low, after asking the bidder to explain it.</summary>
public enum LowPriceOutcome
{
    /// <summary>The bidder showed it can deliver the contract for the price; the bid stays in.</summary>
    Accepted,
    /// <summary>The bidder did not show it can deliver the contract for the price; the bid leaves the ranking.</summary>
    Excluded,
}

/// <summary>
/// The recorded outcome of asking a bidder to explain a price that may be abnormally low. A bid
/// whose price is flagged keeps the lot provisional until one is recorded.
/// </summary>
public sealed record LowPriceDecision
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>Accepted or excluded.</summary>
    public required LowPriceOutcome Outcome { get; init; }
    /// <summary>Why, with reference to the bidder's explanation.</summary>
    public required string Reason { get; init; }
    /// <summary>The evaluator or moderator who recorded the decision.</summary>
    public required string DecidedBy { get; init; }
}

/// <summary>Everything about one tender that its evaluation needs: definition, bids, scores, moderation, gate decisions, price decisions, and the panel's declarations of conflicts of interest.</summary>
public sealed record TenderPack
{
    /// <summary>The tender definition.</summary>
    public required Tender Tender { get; init; }
    /// <summary>The bids.</summary>
    public IReadOnlyList<Bid> Bids { get; init; } = [];
    /// <summary>The evaluators' independent scores.</summary>
    public IReadOnlyList<EvaluatorScore> Scores { get; init; } = [];
    /// <summary>Moderated consensus scores.</summary>
    public IReadOnlyList<ModeratedScore> Moderation { get; init; } = [];
    /// <summary>Recorded gate decisions.</summary>
    public IReadOnlyList<GateDecision> GateDecisions { get; init; } = [];
    /// <summary>Recorded outcomes of asking bidders to explain prices that may be abnormally low.</summary>
    public IReadOnlyList<LowPriceDecision> LowPriceDecisions { get; init; } = [];
    /// <summary>The evaluators' declarations of conflicts of interest, at most one per evaluator id.</summary>
    public IReadOnlyList<ConflictOfInterestDeclaration> ConflictDeclarations { get; init; } = [];
}
