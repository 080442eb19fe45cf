using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Templates;

namespace Commissioning.Documents.Evaluation;

/// <summary>A document's output: print-ready HTML or Markdown.</summary>
public enum DocumentOutput
{
    /// <summary>HTML with the NHS print stylesheet, no external resources.</summary>
    Html,
    /// <summary>Markdown.</summary>
    Markdown,
}

/// <summary>
/// The evaluation report and award recommendation, and the assessment summary for each bidder,
/// rendered from <c>templates/evaluation/report.*.scriban</c> and
/// <c>templates/evaluation/assessment-summary.*.scriban</c>. The models select and order the
/// facts; every word is the templates'.
/// </summary>
public static class EvaluationDocuments
{
    /// <summary>The evaluation report and award recommendation for every lot of a tender.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="robustness">Its robustness analysis, one for each lot.</param>
    /// <param name="declarations">The evaluators' declarations of conflicts of interest (the tender pack's), none if none were recorded.</param>
    /// <param name="format">HTML or Markdown.</param>
    /// <param name="prepared">The date the report is prepared (the caller's clock: Documents has none).</param>
    /// <param name="templates">The templates; the shipped ones if null.</param>
    public static string Report(TenderResult result, IReadOnlyList<LotRobustness> robustness, IReadOnlyList<ConflictOfInterestDeclaration> declarations, DocumentOutput format, DateOnly prepared, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(robustness);
        ArgumentNullException.ThrowIfNull(declarations);
        if (robustness.Count != result.Lots.Count)
        {
            throw new ArgumentException("There must be one robustness analysis for each lot.", nameof(robustness));
        }

        var model = new ReportModel
        {
            Tender = result.Tender,
            Prepared = prepared,
            // Everyone who scores, and anyone else who declared (a moderator who scores nothing need not).
            Declarations = [.. result.Tender.Evaluators
                .Where(e => result.Tender.Assignments.Any(a => a.EvaluatorId == e.Id) || declarations.Any(d => d.EvaluatorId == e.Id))
                .Select(e => DeclarationEntry.For(e, declarations.FirstOrDefault(d => d.EvaluatorId == e.Id)))],
            AnyDeclaration = declarations.Count > 0,
            Lots = [.. result.Lots.Select((lot, i) => LotReport.For(lot, robustness[i]))],
        };
        return (templates ?? TemplateSet.Shipped).Render(Name("evaluation/report", format), model);
    }

    /// <summary>The assessment summary for one bid.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="bidId">The bid.</param>
    /// <param name="format">HTML or Markdown.</param>
    /// <param name="prepared">The date the summary is prepared.</param>
    /// <param name="discloseWinnerAnswers">
    /// True to quote the winning bid's answers to an unsuccessful bidder. By default the winner's
    /// scores and the reasons for them are given and its answers are not, and the summary says so.
    /// </param>
    /// <param name="templates">The templates; the shipped ones if null.</param>
    /// <exception cref="ArgumentException">No bid has the id.</exception>
    public static string AssessmentSummary(TenderResult result, string bidId, DocumentOutput format, DateOnly prepared, bool discloseWinnerAnswers = false, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lot = result.Lots.FirstOrDefault(l => l.Bids.Any(b => b.Bid.Id == bidId))
            ?? throw new ArgumentException($"The tender has no bid '{bidId}'.", nameof(bidId));
        var bid = lot.Bids.Single(b => b.Bid.Id == bidId);
        var winner = lot.MostAdvantageous ?? lot.Leader;
        var model = new SummaryModel
        {
            Tender = result.Tender,
            LotResult = lot,
            Prepared = prepared,
            Bid = BidAssessment.For(lot, bid, showAnswers: true),
            Winner = winner is null || winner.Bid.Id == bid.Bid.Id ? null : BidAssessment.For(lot, winner, discloseWinnerAnswers),
            IsWinner = winner?.Bid.Id == bid.Bid.Id,
            DiscloseWinnerAnswers = discloseWinnerAnswers,
        };
        return (templates ?? TemplateSet.Shipped).Render(Name("evaluation/assessment-summary", format), model);
    }

    private static string Name(string document, DocumentOutput format) => document + (format == DocumentOutput.Html ? ".html" : ".md");
}

/// <summary>The evaluation report's model.</summary>
public sealed record ReportModel
{
    /// <summary>The tender.</summary>
    public required Tender Tender { get; init; }
    /// <summary>When the report was prepared.</summary>
    public required DateOnly Prepared { get; init; }
    /// <summary>Each lot.</summary>
    public required IReadOnlyList<LotReport> Lots { get; init; }
    /// <summary>Each evaluator on the panel with their declaration of conflicts of interest, if any.</summary>
    public required IReadOnlyList<DeclarationEntry> Declarations { get; init; }
    /// <summary>True when any declaration is recorded.</summary>
    public required bool AnyDeclaration { get; init; }
}

/// <summary>One evaluator and their declaration of conflicts of interest, with its times in UTC.</summary>
public sealed record DeclarationEntry
{
    /// <summary>The evaluator.</summary>
    public required Evaluator Evaluator { get; init; }
    /// <summary>Their declaration, or null if none is recorded.</summary>
    public ConflictOfInterestDeclaration? Declaration { get; init; }
    /// <summary>When they declared, in UTC.</summary>
    public DateTimeOffset? DeclaredAt { get; init; }
    /// <summary>When the owner decided on a declared conflict, in UTC.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    internal static DeclarationEntry For(Evaluator evaluator, ConflictOfInterestDeclaration? declaration) => new()
    {
        Evaluator = evaluator,
        Declaration = declaration,
        DeclaredAt = declaration?.DeclaredAt.ToUniversalTime(),
        DecidedAt = declaration?.Decision?.DecidedAt.ToUniversalTime(),
    };
}

/// <summary>One lot of the evaluation report.</summary>
public sealed record LotReport
{
    /// <summary>The lot's result.</summary>
    public required LotResult Result { get; init; }
    /// <summary>Its robustness.</summary>
    public required LotRobustness Robustness { get; init; }
    /// <summary>The organisations the lot serves.</summary>
    public required IReadOnlyList<TenderMember> Members { get; init; }
    /// <summary>The bids that are not eligible.</summary>
    public required IReadOnlyList<BidResult> Excluded { get; init; }
    /// <summary>The bids whose price was flagged or decided.</summary>
    public required IReadOnlyList<BidResult> PriceChecks { get; init; }
    /// <summary>Every bid and question the evaluators differed on or that was moderated, in bid then question order.</summary>
    public required IReadOnlyList<ModerationEntry> Moderation { get; init; }
    /// <summary>The random trials' wins, most first.</summary>
    public required IReadOnlyList<TrialWins> Wins { get; init; }
    /// <summary>The losing bids' gaps, closest first.</summary>
    public required IReadOnlyList<LosingBidGap> Gaps { get; init; }

    internal static LotReport For(LotResult lot, LotRobustness robustness) => new()
    {
        Result = lot,
        Robustness = robustness,
        Members = lot.Tender.MembersOf(lot.Lot),
        Excluded = [.. lot.Bids.Where(b => !b.Eligible)],
        PriceChecks = [.. lot.Bids.Where(b => b.LowPrice is { } c && (c.Flagged || c.Decision is not null))],
        Moderation = [.. lot.Bids.SelectMany(b => b.Sections.SelectMany(s => s.Questions)
            .Where(q => q.Moderation is not null || q.Spread > 0)
            .Select(q => new ModerationEntry { Bid = b.Bid, Question = q }))],
        Wins = [.. robustness.Perturbation.WinsByBid.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new TrialWins { Provider = lot.Bids.FirstOrDefault(b => b.Bid.Id == w.Key)?.Bid.Provider ?? w.Key, Wins = w.Value })],
        Gaps = [.. robustness.Gaps.OrderBy(g => g.PointsBehind ?? decimal.MaxValue)],
    };
}

/// <summary>One moderation record: the bid, the question and its scores.</summary>
public sealed record ModerationEntry
{
    /// <summary>The bid.</summary>
    public required Bid Bid { get; init; }
    /// <summary>The question's result, with the evaluators' scores and the consensus.</summary>
    public required QuestionResult Question { get; init; }
}

/// <summary>How many random trials a bid won.</summary>
public sealed record TrialWins
{
    /// <summary>The provider.</summary>
    public required string Provider { get; init; }
    /// <summary>Trials won.</summary>
    public required int Wins { get; init; }
}

/// <summary>The assessment summary's model.</summary>
public sealed record SummaryModel
{
    /// <summary>The tender.</summary>
    public required Tender Tender { get; init; }
    /// <summary>The lot's result.</summary>
    public required LotResult LotResult { get; init; }
    /// <summary>When the summary was prepared.</summary>
    public required DateOnly Prepared { get; init; }
    /// <summary>The bid the summary is for.</summary>
    public required BidAssessment Bid { get; init; }
    /// <summary>The winning (or, while provisional, leading) bid, when it is another bid.</summary>
    public BidAssessment? Winner { get; init; }
    /// <summary>True when the summary's bid is the winning or leading bid.</summary>
    public required bool IsWinner { get; init; }
    /// <summary>True when the winner's answers are quoted.</summary>
    public required bool DiscloseWinnerAnswers { get; init; }
}

/// <summary>One bid's assessment against each award criterion.</summary>
public sealed record BidAssessment
{
    /// <summary>The bid's result.</summary>
    public required BidResult Result { get; init; }
    /// <summary>Each scored question, with its importance and the reasons for its score.</summary>
    public required IReadOnlyList<CriterionAssessment> Criteria { get; init; }
    /// <summary>True when the bid's answers are quoted.</summary>
    public required bool ShowAnswers { get; init; }

    internal static BidAssessment For(LotResult lot, BidResult bid, bool showAnswers) => new()
    {
        Result = bid,
        ShowAnswers = showAnswers,
        Criteria = [.. bid.Sections.SelectMany(s => s.Questions.Select(q => new CriterionAssessment
        {
            Section = s,
            Question = q,
            ImportancePercent = s.SharePercent * q.SharePercent * lot.Lot.QualitySharePercent / 10_000m,
            Answer = showAnswers ? bid.Bid.Answers.FirstOrDefault(a => a.QuestionId == q.Question.Id)?.Text : null,
        }))],
    };
}

/// <summary>One question as an award criterion for one bid.</summary>
public sealed record CriterionAssessment
{
    /// <summary>Its section's result.</summary>
    public required SectionResult Section { get; init; }
    /// <summary>The question's result.</summary>
    public required QuestionResult Question { get; init; }
    /// <summary>Its relative importance: the most points it can add to the total of 100.</summary>
    public required decimal ImportancePercent { get; init; }
    /// <summary>The bid's answer, when it is quoted.</summary>
    public string? Answer { get; init; }
}
