using Commissioning.Core.Evaluation;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Templates;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>One thing a notice must contain, and what this tender says for it.</summary>
/// <param name="What">What the notice must contain, in the toolkit's words.</param>
/// <param name="Source">Where that comes from (document and provision).</param>
/// <param name="Value">What to enter, when the toolkit knows it; null when the owner enters it in the service.</param>
/// <param name="Note">What the toolkit holds that helps, or what to check.</param>
public sealed record NoticeItem(string What, string Source, string? Value, string? Note);

/// <summary>A part of the notice: the procurement as a whole, or one lot.</summary>
/// <param name="Heading">The part's heading.</param>
/// <param name="Items">What it must contain.</param>
public sealed record NoticeSection(string Heading, IReadOnlyList<NoticeItem> Items);

/// <summary>
/// What the regime's award notice needs from this tender, for the owner to copy into the notice
/// service: the contract award notice (Procurement Act 2023) or the notice of intention to award
/// (Provider Selection Regime). The toolkit does not publish notices.
/// </summary>
/// <param name="TenderTitle">The tender's title.</param>
/// <param name="Reference">The buyer's reference, if any.</param>
/// <param name="Regime">The regime.</param>
/// <param name="RegimeName">The regime in words.</param>
/// <param name="Procedure">The procedure or process the tender records.</param>
/// <param name="NoticeName">The notice, such as "Contract award notice".</param>
/// <param name="Introduction">What the notice is and where its content is set, a paragraph each.</param>
/// <param name="Sections">What it must contain, part by part.</param>
/// <param name="Sources">The documents relied on, with the provisions.</param>
/// <param name="PreparedOn">The day this was prepared.</param>
public sealed record AwardNoticeDraft(string TenderTitle, string? Reference, ProcurementRegime Regime, string RegimeName, string Procedure, string NoticeName,
    IReadOnlyList<string> Introduction, IReadOnlyList<NoticeSection> Sections, IReadOnlyList<string> Sources, DateOnly PreparedOn)
{
    /// <summary>What the page and the documents write where the owner enters a value in the service.</summary>
    public const string EnterInTheService = "Enter in the service";

    /// <summary>The same, for the templates (which see properties only).</summary>
    public string Placeholder { get; } = EnterInTheService;

    /// <summary>The document's title.</summary>
    public string DocumentTitle => $"{NoticeName}: {TenderTitle}";
}

/// <summary>A notice draft as a file to download.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Text">Its text.</param>
public sealed record NoticeDocument(string FileName, string ContentType, string Text);

/// <summary>
/// What the award notice needs from a tender: the contract award notice's content under the
/// Procurement Regulations 2024 (reg. 27), or the notice of intention to award's under the
/// Provider Selection Regime regulations (Schedule 10, for the Competitive Process), filled from
/// the tender where the toolkit holds the value. For the owner and observers (the same people who
/// may export the whole tender), since it draws on declarations of interest and prices.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation.</param>
/// <param name="time">The clock: the day the draft is prepared.</param>
public sealed class DraftAwardNotices(ICommissioningContextFactory contexts, EvaluateTender evaluate, TimeProvider time)
{
    /// <summary>The draft.</summary>
    public async Task<Outcome<AwardNoticeDraft>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Export, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<AwardNoticeDraft>();
        }

        var evaluation = await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (evaluation is null)
        {
            return TenderChanges.NotFound<AwardNoticeDraft>();
        }

        var row = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        var awards = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tenderId).ToListAsync(cancel).ConfigureAwait(false);
        var declarations = (await db.ConflictDeclarations.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(cancel).ConfigureAwait(false))
            .OrderBy(c => c.EvaluatorKey, StringComparer.Ordinal).Select(ConflictRules.ToRecord).ToList();
        var facts = new Facts(
            evaluation,
            awards.ToDictionary(a => a.LotKey, a => new AwardDecision(a.LotKey, a.BidKey, a.ApprovedBy, a.ApprovedOn, a.Note, a.RecordedBy, a.Version), StringComparer.Ordinal),
            declarations,
            row.AssessmentSummariesSentOn,
            row.NoticesSentOn,
            row.NoticesSentOn is { } published ? Standstill.For(row.Regime, published, BankHolidays.ForWorkingDays(row.Regime)) : null);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Outcome<AwardNoticeDraft>.Success(row.Regime == ProcurementRegime.ProcurementAct2023 ? ContractAwardNotice(facts, today) : IntentionToAward(facts, today));
    }

    /// <summary>The draft as a Markdown or HTML document, rendered through <c>templates/award/</c>.</summary>
    public async Task<Outcome<NoticeDocument>> DocumentAsync(SiteUser user, Guid tenderId, bool html, CancellationToken cancel = default)
    {
        var draft = await HandleAsync(user, tenderId, cancel).ConfigureAwait(false);
        if (!draft.Succeeded)
        {
            return draft.As<NoticeDocument>();
        }

        var text = TemplateSet.Shipped.Render(html ? "award/notices.html" : "award/notices.md", draft.Value);
        var name = draft.Value.Regime == ProcurementRegime.ProcurementAct2023 ? "contract-award-notice" : "notice-of-intention-to-award";
        return Outcome<NoticeDocument>.Success(html
            ? new NoticeDocument($"{name}-{tenderId:N}.html", "text/html; charset=utf-8", text)
            : new NoticeDocument($"{name}-{tenderId:N}.md", "text/markdown; charset=utf-8", text));
    }

    private sealed record Facts(TenderEvaluation Evaluation, IReadOnlyDictionary<string, AwardDecision> Awards, IReadOnlyList<ConflictDeclaration> Declarations,
        DateOnly? SummariesGivenOn, DateOnly? NoticePublishedOn, StandstillPeriod? Standstill)
    {
        public Tender Tender => Evaluation.Pack.Tender;

        /// <summary>The awarded bid of a lot: the one its award decision names, else its most advantageous tender (not yet decided).</summary>
        public (BidResult? Bid, AwardDecision? Decision) Awarded(LotResult lot)
        {
            var decision = Awards.GetValueOrDefault(lot.Lot.Id);
            var bid = decision is null ? lot.MostAdvantageous : lot.Bids.FirstOrDefault(b => b.Bid.Id == decision.BidId);
            return (bid, decision);
        }

        public string MembersOf(Lot lot) => string.Join(", ", Tender.MembersOf(lot).Select(m => m.Profile.Name));
    }

    private const string Act = "Procurement Act 2023";
    private const string Regulations = "Procurement Regulations 2024";
    private const string Psr = "Provider Selection Regime regulations 2023";

    private static AwardNoticeDraft ContractAwardNotice(Facts facts, DateOnly today)
    {
        var tender = facts.Tender;
        var sections = new List<NoticeSection>
        {
            new("The procurement",
            [
                new("The contracting authority information", $"{Regulations}, reg. 27(2)(a); what it covers: reg. 13", null,
                    $"The toolkit holds the names of the organisations buying together: {string.Join(", ", tender.Members.Select(m => m.Profile.Name))}. Check regulation 13 for the details to give for each contracting authority."),
                new("The title of the procurement", $"{Regulations}, reg. 27(2)(b)", tender.Title, null),
                new("The unique identifiers of the procurement and of the public contract (and of any framework or dynamic market it is awarded under)", $"{Regulations}, reg. 27(2)(c)", null,
                    tender.Reference is { } reference ? $"The central digital platform gives these identifiers. Your own reference for the tender is {reference}." : "The central digital platform gives these identifiers."),
                new("The contract subject-matter", $"{Regulations}, reg. 27(2)(d); what it covers: reg. 14", null,
                    "From this tender: " + string.Join("; ", tender.Lots.Select(l => $"{l.Id}, {l.Title}: occupational health services for {facts.MembersOf(l)}")) + ". Check regulation 14 for what to give (such as the classification codes)."),
            ]),
        };

        foreach (var lot in facts.Evaluation.Result.Lots)
        {
            var (bid, decision) = facts.Awarded(lot);
            sections.Add(new($"{lot.Lot.Id}, {lot.Lot.Title}: the supplier awarded the contract",
            [
                new("The supplier's name", $"{Regulations}, reg. 27(2)(e)(i)", bid?.Bid.Provider, SupplierNote(bid, decision)),
                new("The supplier's contact postal address and email address", $"{Regulations}, reg. 27(2)(e)(ii)", null, "The toolkit does not hold them."),
                new("The supplier's unique identifier", $"{Regulations}, reg. 27(2)(e)(iii)", null, "From the supplier's registration on the central digital platform."),
                new("Whether the supplier is an association of companies or another consortium", $"{Regulations}, reg. 27(2)(e)(iv)", null, null),
                new("Whether the supplier is a small or medium-sized enterprise, a value-driven non-governmental organisation, or one of the other kinds the regulation lists", $"{Regulations}, reg. 27(2)(e)(v)", null,
                    "Check the regulation for the full list."),
            ]));
        }

        var more = new List<NoticeItem>();
        foreach (var lot in facts.Evaluation.Result.Lots)
        {
            var (bid, decision) = facts.Awarded(lot);
            more.Add(new($"{lot.Lot.Id}: the value of the contract", "This tender's prices", bid is null ? null : ValueOver(bid), bid is null ? "No single most advantageous tender yet." : LifetimeNote(bid)));
            more.Add(new($"{lot.Lot.Id}: the award criteria and their weights", "This tender's lots (Procurement Act 2023 s.23)", Criteria(lot.Lot), null));
            more.Add(new($"{lot.Lot.Id}: the award decision", "Recorded in this toolkit", decision is null ? null : $"Approved by {decision.ApprovedBy} on {TenderLifecycle.Day(decision.ApprovedOn)}", decision?.Note ?? (decision is null ? "Not yet recorded." : null)));
        }

        more.Add(new("The day the assessment summaries were given", $"{Act}, s.50", facts.SummariesGivenOn is { } given ? TenderLifecycle.Day(given) : null, facts.SummariesGivenOn is null ? "Not yet recorded." : null));
        more.Add(new("The standstill period", $"{Act}, s.51 and s.123", facts.Standstill is { } period ? $"8 working days from {TenderLifecycle.Day(period.NoticePublished)} (the day the notice was published); last day {TenderLifecycle.Day(period.LastDay)}" : null,
            facts.Standstill is null ? "Known once the notice is published: 8 working days beginning with the day it is published." : $"The contract may be entered into from {TenderLifecycle.Day(facts.Standstill.ContractMayBeEnteredFrom)}."));
        sections.Add(new("Other facts from this tender", more));

        return new AwardNoticeDraft(tender.Title, tender.Reference, ProcurementRegime.ProcurementAct2023, Act, tender.Regime.Procedure, "Contract award notice",
            [
                "Under the Procurement Act 2023 a contracting authority publishes a contract award notice before it enters into a public contract (s.50), and the standstill period runs from the day it is published (s.51). Each assessed bidder is given its assessment summary before the notice is published (s.50).",
                "What the notice must contain is set by regulation 27 of the Procurement Regulations 2024, with the contracting authority information in regulation 13 and the contract subject-matter in regulation 14. The list below follows paragraph (2)(a) to (e) of regulation 27. The rest of paragraph (2) could not be checked while this was prepared: check the regulation itself for anything else the notice needs. The last part gathers facts from this tender that the service may ask for.",
                "The toolkit does not publish notices. Copy what follows into the central digital platform (Find a Tender), and enter there what the toolkit does not hold.",
            ],
            sections,
            [
                "Procurement Act 2023: s.50 (contract award notices and assessment summaries), s.51 (standstill periods), s.53 (contract details notices), s.123 (working days).",
                "The Procurement Regulations 2024 (SI 2024/692): reg. 27 (contract award notices except those published by private utilities), reg. 13 (contracting authority information), reg. 14 (contract subject-matter), reg. 31 (assessment summaries).",
                "Cabinet Office, Guidance: Contract Award Notices and Standstill (Procurement Act 2023 guidance, 2024), paragraphs 3 and 4.",
            ],
            today);
    }

    private static AwardNoticeDraft IntentionToAward(Facts facts, DateOnly today)
    {
        var tender = facts.Tender;
        const string Schedule = "Schedule 10";
        var competitive = tender.Regime.Procedure.Contains("competitive", StringComparison.OrdinalIgnoreCase);
        var sections = new List<NoticeSection>();
        foreach (var lot in facts.Evaluation.Result.Lots)
        {
            var (bid, decision) = facts.Awarded(lot);
            sections.Add(new($"{lot.Lot.Id}, {lot.Lot.Title}",
            [
                new("A statement that the relevant authority intends to award a contract under the Competitive Process", $"{Psr}, {Schedule}, para. 1",
                    bid is null ? null : $"The relevant authority intends to award the contract for {lot.Lot.Title} to {bid.Bid.Provider} under the Competitive Process of the Provider Selection Regime.",
                    bid is null ? "No single most advantageous tender yet." : "The toolkit's wording: change it as you need."),
                new("The contract title and reference", $"{Psr}, {Schedule}, para. 2", $"{tender.Title}: {lot.Lot.Title}" + (tender.Reference is { } reference ? $" ({reference}, lot {lot.Lot.Id})" : $" (lot {lot.Lot.Id})"), null),
                new("The name and address of the provider's registered office or principal place of business", $"{Psr}, {Schedule}, para. 3", bid?.Bid.Provider,
                    (bid is null ? "No single most advantageous tender yet. " : SupplierNote(bid, decision) is { } note ? note + " " : string.Empty) + "Add the address: the toolkit does not hold it."),
                new("A description of the health care services the contract is for, with the most relevant CPV code", $"{Psr}, {Schedule}, para. 4", null,
                    $"From this tender: occupational health services for {facts.MembersOf(lot.Lot)}. The toolkit does not hold a CPV code."),
                new("For a framework agreement: how long it lasts and which relevant authorities may use it", $"{Psr}, {Schedule}, para. 5", null, "Only for a framework agreement."),
                new("The approximate lifetime value of the contract", $"{Psr}, {Schedule}, para. 6", bid is null ? null : Money(Lifetime(bid.Bid)), bid is null ? null : LifetimeNote(bid)),
                new("Details of the decision-makers", $"{Psr}, {Schedule}, para. 7", decision?.ApprovedBy, decision is null ? "Recorded with the award decision, which is not yet recorded." : "As recorded with the award decision."),
                new("The decision-makers' reasons for choosing the provider, with reference to the key criteria", $"{Psr}, {Schedule}, para. 8", bid is null ? null : Reasons(lot, bid),
                    bid is null ? null : "Drafted by the toolkit from the evaluation: check it and change it as you need."),
                new("Any declared conflicts or potential conflicts of interest", $"{Psr}, {Schedule}, para. 9", Conflicts(facts), facts.Declarations.Count == 0 ? "No declarations of interest are recorded in the toolkit." : null),
                new("How any conflicts or potential conflicts of interest were managed", $"{Psr}, {Schedule}, para. 10", Managed(facts), null),
                new("Where appropriate, whether a framework agreement was used", $"{Psr}, {Schedule}, para. 11", null, "Only where it applies."),
            ]));
        }

        sections.Add(new("Dates",
        [
            new("The day the notice was published", $"{Psr}, reg. 12", facts.NoticePublishedOn is { } published ? TenderLifecycle.Day(published) : null, facts.NoticePublishedOn is null ? "Recorded when the tender moves to standstill." : null),
            new("The standstill period and the representations deadline", $"{Psr}, reg. 12(2) and (3)",
                facts.Standstill is { } period ? $"Begins {TenderLifecycle.Day(period.Begins)}; representations may be made until midnight at the end of {TenderLifecycle.Day(period.RepresentationsDeadline!.Value)}" : null,
                facts.Standstill is null ? "Known once the notice is published: the period begins the day after." : null),
        ]));

        var introduction = new List<string>
        {
            "Under the Provider Selection Regime, the relevant authority publishes a notice of its intention to award the contract; the standstill period begins the day after it is published, and providers may make representations until midnight at the end of the 8th working day after that day (reg. 12).",
            "For the Competitive Process, what the notice must contain is set by Schedule 10 of the Health Care Services (Provider Selection Regime) Regulations 2023 (reg. 11(10)). The list below follows its 11 paragraphs, lot by lot.",
            "The toolkit does not publish notices. Copy what follows into the notice service, and enter there what the toolkit does not hold.",
        };
        if (!competitive)
        {
            introduction.Insert(2, $"This tender records its process as \"{tender.Regime.Procedure}\". Schedule 10 is for the Competitive Process; other processes have schedules of their own (Direct Award Process C: Schedule 3). Check the regulations for your process.");
        }

        return new AwardNoticeDraft(tender.Title, tender.Reference, ProcurementRegime.ProviderSelectionRegime2023, "Provider Selection Regime 2023", tender.Regime.Procedure, "Notice of intention to award",
            introduction,
            sections,
            [
                "The Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348): reg. 11(10) and Schedule 10 (notice of intention to award under the Competitive Process), reg. 9(4) and Schedule 3 (Direct Award Process C), reg. 12 (standstill period and representations).",
                "NHS England, The Provider Selection Regime: statutory guidance, \"Reviewing decisions during the standstill period\" (5 working days after a further decision).",
            ],
            today);
    }

    private static string? SupplierNote(BidResult? bid, AwardDecision? decision) =>
        bid is null ? "No single most advantageous tender yet: the result is not complete, or the leading bids are tied."
        : decision is null ? "The most advantageous tender; no award decision is recorded yet."
        : null;

    private static string Money(decimal value) => Rounding.Money(value);

    private static decimal Lifetime(Bid bid) => bid.Price.AnnualPrices.Sum() + bid.Price.ExtensionPrices.Sum();

    private static string ValueOver(BidResult bid) =>
        $"{Money(bid.Price.EvaluatedPrice)} over the {bid.Price.Years} evaluated year{(bid.Price.Years == 1 ? "" : "s")} ({bid.Bid.Provider}'s evaluated price)";

    private static string LifetimeNote(BidResult bid)
    {
        var years = bid.Bid.Price.AnnualPrices.Count;
        var extension = bid.Bid.Price.ExtensionPrices.Count;
        return extension == 0
            ? $"The bid's prices for its {years} contract year{(years == 1 ? "" : "s")}. Add anything else the contract's value includes."
            : $"The bid's prices for its {years} contract year{(years == 1 ? "" : "s")} ({Money(bid.Bid.Price.AnnualPrices.Sum())}) and {extension} extension year{(extension == 1 ? "" : "s")} ({Money(bid.Bid.Price.ExtensionPrices.Sum())}): {Money(Lifetime(bid.Bid))} in all. Add anything else the contract's value includes.";
    }

    private static string Criteria(Lot lot)
    {
        var sections = string.Join(", ", lot.Sections.Select(s => $"{s.Title} {Rounding.Percent(lot.SectionSharePercent(s))}"));
        return $"Quality {Rounding.Percent(lot.QualitySharePercent)} of the total ({sections} of quality); price {Rounding.Percent(lot.PriceSharePercent)} ({PriceMethodName(lot.Price.Method)}, over {lot.Price.EvaluatedYears} year{(lot.Price.EvaluatedYears == 1 ? "" : "s")})";
    }

    private static string PriceMethodName(PriceMethod method) => method switch
    {
        PriceMethod.Proportional => "scored in proportion to the lowest price",
        PriceMethod.Linear => "scored on a straight line from the lowest price to the ceiling",
        PriceMethod.Deviation => "scored down by the percentage above the lowest price",
        PriceMethod.PricePerQualityPoint => "price per quality point",
        _ => method.ToString(),
    };

    private static string Reasons(LotResult lot, BidResult bid)
    {
        var eligible = lot.EligibleCount;
        var ranked = bid.Total is { } total
            ? $"{bid.Bid.Provider} offered the most advantageous tender: ranked first of {eligible} eligible bid{(eligible == 1 ? "" : "s")} with {Rounding.Number(total)} of 100, {Rounding.Number(bid.QualityPoints)} for quality and {Rounding.Number(bid.Price.Points ?? 0m)} for price."
            : $"{bid.Bid.Provider} offered the most advantageous tender.";
        return $"{ranked} The key criteria were: {Criteria(lot.Lot)}.";
    }

    private static string? Conflicts(Facts facts)
    {
        if (facts.Declarations.Count == 0)
        {
            return null;
        }

        var declared = facts.Declarations.Where(d => d.HasConflict).ToList();
        return declared.Count == 0
            ? $"None. Every panel member who declared ({facts.Declarations.Count}) declared no conflict of interest with any bidder."
            : string.Join(" ", declared.Select(d => $"{facts.Evaluation.NameOf(d.EvaluatorId)} declared: {d.Details}."));
    }

    private static string? Managed(Facts facts)
    {
        var declared = facts.Declarations.Where(d => d.HasConflict).ToList();
        if (declared.Count == 0)
        {
            return facts.Declarations.Count == 0 ? null : "No conflicts were declared, so none needed managing.";
        }

        return string.Join(" ", declared.Select(d => d.MayContinue switch
        {
            true => $"{facts.Evaluation.NameOf(d.EvaluatorId)} continued to score: {d.DecisionReason}.",
            false => $"{facts.Evaluation.NameOf(d.EvaluatorId)} was stood down from scoring: {d.DecisionReason}.",
            _ => $"{facts.Evaluation.NameOf(d.EvaluatorId)}: no decision is recorded yet.",
        }));
    }
}
