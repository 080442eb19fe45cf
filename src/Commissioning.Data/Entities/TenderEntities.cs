using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;

namespace Commissioning.Data.Entities;

/// <summary>
/// A row that people edit. <see cref="Version"/> is the optimistic concurrency token: the context
/// adds one to it on every save, and a save whose version no longer matches the row is refused.
/// </summary>
public abstract class EditableRow
{
    /// <summary>Key, made by the application (version 7, so rows insert in order).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The concurrency token: 1 when the row is first saved, one more on every later save.</summary>
    public long Version { get; set; }
}

/// <summary>A stored tender: its definition, where it is in its lifecycle, and who owns it.</summary>
public sealed class TenderRow : EditableRow
{
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>The buyer's reference.</summary>
    public string? Reference { get; set; }
    /// <summary>The last day for clarification questions, if set.</summary>
    public DateOnly? ClarificationDeadline { get; set; }
    /// <summary>The day bids are due, if set.</summary>
    public DateOnly? BidDeadline { get; set; }
    /// <summary>The regime.</summary>
    public ProcurementRegime Regime { get; set; }
    /// <summary>The procedure or process.</summary>
    public required string Procedure { get; set; }
    /// <summary>Why this regime and procedure.</summary>
    public required string RegimeRationale { get; set; }
    /// <summary>The scoring scale, in the tender file's JSON shape.</summary>
    public required string ScaleJson { get; set; }
    /// <summary>The spread flag, when the tender sets one.</summary>
    public decimal? SpreadFlag { get; set; }
    /// <summary>The lifecycle stage.</summary>
    public TenderStage Stage { get; set; } = TenderStage.Draft;
    /// <summary>Why the tender was cancelled, when it was.</summary>
    public string? CancellationReason { get; set; }
    /// <summary>The day the award notices were sent, when they have been.</summary>
    public DateOnly? NoticesSentOn { get; set; }
    /// <summary>The last day of the standstill period, worked out when the notices were sent.</summary>
    public DateOnly? StandstillEndsOn { get; set; }
    /// <summary>Procurement Act 2023: the day the assessment summaries were given to every assessed bidder (before the contract award notice).</summary>
    public DateOnly? AssessmentSummariesSentOn { get; set; }
    /// <summary>Provider Selection Regime: the day the buyer notified its further decision after representations, which restarts the count of working days.</summary>
    public DateOnly? FurtherDecisionOn { get; set; }
    /// <summary>The day the contract was entered into.</summary>
    public DateOnly? ContractEnteredOn { get; set; }
    /// <summary>The buyer organisation that runs the tender, if recorded.</summary>
    public Guid? BuyerOrganisationId { get; set; }
    /// <summary>
    /// Whether evaluators and moderators may see bids' prices. False by default, so quality is
    /// scored without knowing the price (the toolkit's judgement; the sources do not require it).
    /// A setting of the tender on this site, not part of the <c>oh-tender</c> file.
    /// </summary>
    public bool EvaluatorsSeePrices { get; set; }
    /// <summary>When it was created (from the injected clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The set-up tasks its owner has marked complete, as a JSON array of task names
    /// (<c>Commissioning.Core.Tenders.Setup.SetupTask</c>). Null for a tender that came whole from a file.
    /// </summary>
    public string? SetupCompletedJson { get; set; }

    /// <summary>The organisations bought for, in file order.</summary>
    public List<TenderMemberRow> Members { get; set; } = [];
    /// <summary>The lots, in file order.</summary>
    public List<LotRow> Lots { get; set; } = [];
    /// <summary>The evaluators, in file order.</summary>
    public List<EvaluatorRow> Evaluators { get; set; } = [];
    /// <summary>Who scores what, in file order.</summary>
    public List<AssignmentRow> Assignments { get; set; } = [];
    /// <summary>The bids, in file order.</summary>
    public List<BidRow> Bids { get; set; } = [];
    /// <summary>People's roles on this tender.</summary>
    public List<TenderMembershipRow> Memberships { get; set; } = [];
}

/// <summary>A row kept in the order it had in the tender file.</summary>
public interface IOrdered
{
    /// <summary>Zero-based position in its list.</summary>
    int Position { get; set; }
}

/// <summary>An organisation the tender buys for.</summary>
public sealed class TenderMemberRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The member's id within the tender, such as <c>city-hospitals</c>.</summary>
    public required string Key { get; set; }
    /// <summary>The organisation profile, in the file's JSON shape.</summary>
    public required string ProfileJson { get; set; }
}

/// <summary>A lot.</summary>
public sealed class LotRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The lot's id within the tender, such as <c>lot-1</c>.</summary>
    public required string Key { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>The member ids the lot serves, in order, as a JSON array.</summary>
    public required string MemberKeysJson { get; set; }
    /// <summary>How section weights are written.</summary>
    public WeightUnit SectionWeights { get; set; }
    /// <summary>How quality and price weights are written.</summary>
    public WeightUnit Weights { get; set; }
    /// <summary>Quality weight.</summary>
    public decimal QualityWeight { get; set; }
    /// <summary>Price weight.</summary>
    public decimal PriceWeight { get; set; }
    /// <summary>Quality method.</summary>
    public QualityMethod QualityMethod { get; set; }
    /// <summary>Initial contract years.</summary>
    public int ContractYears { get; set; }
    /// <summary>Extension years.</summary>
    public int ExtensionYears { get; set; }
    /// <summary>Whether extension prices are evaluated.</summary>
    public bool EvaluateExtensions { get; set; }
    /// <summary>Price method.</summary>
    public PriceMethod PriceMethod { get; set; }
    /// <summary>Linear method's ceiling.</summary>
    public decimal? PriceCeiling { get; set; }
    /// <summary>Minimum quality percentage.</summary>
    public decimal? MinimumQualityPercent { get; set; }
    /// <summary>Abnormally low price percentage.</summary>
    public decimal AbnormallyLowPercent { get; set; }
    /// <summary>Tie-break rule.</summary>
    public TieBreakRule TieBreakRule { get; set; }
    /// <summary>Tie-break section.</summary>
    public string? TieBreakSectionKey { get; set; }

    /// <summary>Sections in order.</summary>
    public List<SectionRow> Sections { get; set; } = [];
    /// <summary>Gates in order.</summary>
    public List<GateRow> Gates { get; set; } = [];
}

/// <summary>A section of a lot.</summary>
public sealed class SectionRow : EditableRow, IOrdered
{
    /// <summary>The lot.</summary>
    public Guid LotId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The section's id, such as <c>s1</c>.</summary>
    public required string Key { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>Weight.</summary>
    public decimal Weight { get; set; }
    /// <summary>Social value and net zero section.</summary>
    public bool SocialValue { get; set; }
    /// <summary>Minimum percentage.</summary>
    public decimal? MinimumPercent { get; set; }
    /// <summary>How question weights are written.</summary>
    public WeightUnit QuestionWeights { get; set; }
    /// <summary>Questions in order.</summary>
    public List<QuestionRow> Questions { get; set; } = [];
}

/// <summary>A scored question.</summary>
public sealed class QuestionRow : EditableRow, IOrdered
{
    /// <summary>The section.</summary>
    public Guid SectionId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The question's id, such as <c>Q1.2</c>.</summary>
    public required string Key { get; set; }
    /// <summary>Short title.</summary>
    public required string Title { get; set; }
    /// <summary>The question as put to bidders.</summary>
    public required string Text { get; set; }
    /// <summary>The standards requirement it tests.</summary>
    public string? RequirementId { get; set; }
    /// <summary>Weight.</summary>
    public decimal Weight { get; set; }
    /// <summary>Minimum score.</summary>
    public decimal? MinimumScore { get; set; }
}

/// <summary>A pass or fail gate of a lot.</summary>
public sealed class GateRow : EditableRow, IOrdered
{
    /// <summary>The lot.</summary>
    public Guid LotId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The gate's id, such as <c>G1</c>.</summary>
    public required string Key { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>The requirement it tests.</summary>
    public string? RequirementId { get; set; }
    /// <summary>What a bid must show.</summary>
    public required string Description { get; set; }
}

/// <summary>An evaluator or moderator named in the tender.</summary>
public sealed class EvaluatorRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The evaluator's id within the tender, such as <c>e1</c>.</summary>
    public required string Key { get; set; }
    /// <summary>Name.</summary>
    public required string Name { get; set; }
}

/// <summary>Which questions of a lot an evaluator scores.</summary>
public sealed class AssignmentRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The evaluator's id.</summary>
    public required string EvaluatorKey { get; set; }
    /// <summary>The lot's id.</summary>
    public required string LotKey { get; set; }
    /// <summary>The question ids in order, as a JSON array; empty for the whole lot.</summary>
    public required string QuestionKeysJson { get; set; }
}

/// <summary>A bid.</summary>
public sealed class BidRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The bid's id within the tender, such as <c>bid-a</c>.</summary>
    public required string Key { get; set; }
    /// <summary>The lot's id.</summary>
    public required string LotKey { get; set; }
    /// <summary>The provider's name as in the bid.</summary>
    public required string Provider { get; set; }
    /// <summary>The provider organisation whose users may see this bid, once linked.</summary>
    public Guid? ProviderOrganisationId { get; set; }
    /// <summary>When the bid was received in the site from a response workbook; null for a bid that came in a tender file.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
    /// <summary>The name the workbook was uploaded with, as shown (control characters replaced).</summary>
    public string? ReceivedFile { get; set; }
    /// <summary>The SHA-256 of the workbook's bytes, as lower-case hex: the receipt's fingerprint.</summary>
    public string? ReceivedSha256 { get; set; }
    /// <summary>The workbook's size in bytes.</summary>
    public int? ReceivedBytes { get; set; }
    /// <summary>True when it was received after the bid deadline (the owner recorded why in the audit trail).</summary>
    public bool ReceivedLate { get; set; }
    /// <summary>The declarations, in the file's JSON shape.</summary>
    public required string DeclarationsJson { get; set; }
    /// <summary>Prices, one row a year.</summary>
    public List<BidPriceRow> Prices { get; set; } = [];
    /// <summary>Answers in order.</summary>
    public List<AnswerRow> Answers { get; set; } = [];
}

/// <summary>Whether a price is for an initial contract year or an extension year.</summary>
public enum PriceYearKind
{
    /// <summary>An initial contract year.</summary>
    Contract,
    /// <summary>An extension year.</summary>
    Extension,
}

/// <summary>One year's price of a bid, in pounds.</summary>
public sealed class BidPriceRow : EditableRow, IOrdered
{
    /// <summary>The bid.</summary>
    public Guid BidId { get; set; }
    /// <summary>Contract or extension year.</summary>
    public PriceYearKind Kind { get; set; }
    /// <summary>Zero-based year within its kind.</summary>
    public int Position { get; set; }
    /// <summary>The price, exact.</summary>
    public decimal Amount { get; set; }
}

/// <summary>A bidder's answer to one question.</summary>
public sealed class AnswerRow : EditableRow, IOrdered
{
    /// <summary>The bid.</summary>
    public Guid BidId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The question's id.</summary>
    public required string QuestionKey { get; set; }
    /// <summary>The answer.</summary>
    public required string Text { get; set; }
}

/// <summary>One evaluator's score for one bid on one question, with whether it has been submitted.</summary>
public sealed class EvaluatorScoreRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The evaluator's id.</summary>
    public required string EvaluatorKey { get; set; }
    /// <summary>The bid's id.</summary>
    public required string BidKey { get; set; }
    /// <summary>The question's id.</summary>
    public required string QuestionKey { get; set; }
    /// <summary>The score, exact.</summary>
    public decimal Score { get; set; }
    /// <summary>Why.</summary>
    public required string Rationale { get; set; }
    /// <summary>True once the evaluator has submitted it; a submitted score is no longer theirs to change.</summary>
    public bool Submitted { get; set; }
    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>A moderated consensus score.</summary>
public sealed class ModeratedScoreRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The bid's id.</summary>
    public required string BidKey { get; set; }
    /// <summary>The question's id.</summary>
    public required string QuestionKey { get; set; }
    /// <summary>The consensus score, exact.</summary>
    public decimal Score { get; set; }
    /// <summary>Why the panel agreed it.</summary>
    public required string Reason { get; set; }
    /// <summary>The moderator's evaluator id.</summary>
    public required string ModeratorKey { get; set; }
}

/// <summary>A recorded gate decision.</summary>
public sealed class GateDecisionRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The bid's id.</summary>
    public required string BidKey { get; set; }
    /// <summary>The gate's id.</summary>
    public required string GateKey { get; set; }
    /// <summary>Pass or fail.</summary>
    public bool Passed { get; set; }
    /// <summary>Why.</summary>
    public required string Reason { get; set; }
    /// <summary>Who decided (evaluator id or name as in the file).</summary>
    public required string DecidedBy { get; set; }
}

/// <summary>A recorded decision on a possibly abnormally low price.</summary>
public sealed class LowPriceDecisionRow : EditableRow, IOrdered
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <inheritdoc />
    public int Position { get; set; }
    /// <summary>The bid's id.</summary>
    public required string BidKey { get; set; }
    /// <summary>Accepted or excluded.</summary>
    public LowPriceOutcome Outcome { get; set; }
    /// <summary>Why.</summary>
    public required string Reason { get; set; }
    /// <summary>Who decided.</summary>
    public required string DecidedBy { get; set; }
}

/// <summary>
/// An evaluator's declaration about conflicts of interest on a tender, made before their first
/// score: none with any of the bidders named to them, or one, described. A declared conflict stops
/// their scoring until the owner records a decision with its reason.
/// </summary>
public sealed class ConflictDeclarationRow : EditableRow
{
    /// <summary>
    /// The <see cref="UserId"/> of a declaration that came in with an imported tender file: made
    /// outside this site, kept for the record, and not one an account here has made.
    /// </summary>
    public const string FromFile = "";

    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <summary>The evaluator id in the tender the declaration is for.</summary>
    public required string EvaluatorKey { get; set; }
    /// <summary>The account that declared, or <see cref="FromFile"/> for a declaration imported with the tender.</summary>
    public required string UserId { get; set; }
    /// <summary>The name shown for who declared.</summary>
    public required string UserName { get; set; }
    /// <summary>The bidders named to the evaluator when they declared, as a JSON list of names.</summary>
    public required string BiddersJson { get; set; }
    /// <summary>True when a conflict was declared.</summary>
    public bool HasConflict { get; set; }
    /// <summary>The conflict, in the evaluator's words, when one was declared.</summary>
    public string? Details { get; set; }
    /// <summary>When the declaration was made.</summary>
    public DateTimeOffset DeclaredAt { get; set; }
    /// <summary>The owner's decision on a declared conflict: true to let the evaluator score (with the mitigation in the reason), false to stand them down; null while undecided.</summary>
    public bool? MayContinue { get; set; }
    /// <summary>Why, in the owner's words.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>The name shown for who decided.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When the decision was recorded.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>The award decision for one lot: the most advantageous tender, who approved it and when.</summary>
public sealed class AwardDecisionRow : EditableRow
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <summary>The lot's id.</summary>
    public required string LotKey { get; set; }
    /// <summary>The bid awarded.</summary>
    public required string BidKey { get; set; }
    /// <summary>Who approved the award (a person or a board, as the buyer's governance names them).</summary>
    public required string ApprovedBy { get; set; }
    /// <summary>The day it was approved.</summary>
    public DateOnly ApprovedOn { get; set; }
    /// <summary>Anything the record should say, such as the minute reference.</summary>
    public string? Note { get; set; }
    /// <summary>The name shown for who recorded it.</summary>
    public required string RecordedBy { get; set; }
}
