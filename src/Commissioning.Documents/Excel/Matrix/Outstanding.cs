using Commissioning.Core.Evaluation;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>
/// What is still outstanding in a lot, counted by kind from the result's facts (score sources,
/// gate statuses, price checks), following the engine's rules in docs/evaluation.md. The lot is
/// provisional while any count is above zero.
/// </summary>
public sealed record Outstanding
{
    /// <summary>Each kind of outstanding item, in words, with how many there are.</summary>
    public required IReadOnlyList<(string What, int Count)> Items { get; init; }

    /// <summary>How many things are outstanding altogether.</summary>
    public int Total => Items.Sum(i => i.Count);

    /// <summary>Counts what is outstanding in a lot.</summary>
    public static Outstanding Of(LotResult lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var questions = lot.Bids.SelectMany(b => b.Sections).SelectMany(s => s.Questions).ToList();
        var definition = lot.Lot;
        var hasThresholds = definition.MinimumQualityPercent is not null
            || definition.Questions.Any(q => q.MinimumScore is not null)
            || definition.Sections.Any(s => s.MinimumPercent is not null);
        return new Outstanding
        {
            Items =
            [
                ("There are no bids to evaluate", lot.Bids.Count == 0 ? 1 : 0),
                ("Gates not yet decided", lot.Bids.Sum(b => b.Gates.Count(g => g.Status == GateStatus.NotAssessed))),
                ("Scores not yet recorded (counted as 0 for now)", questions.Count(q => q.Source == ScoreSource.Missing)),
                ("Questions waiting for an assigned evaluator's score", questions.Count(q => q.Source == ScoreSource.PartialMean)),
                ("Differences between evaluators not yet moderated (the mean is used for now)", questions.Count(q => q.Source == ScoreSource.MeanOfEvaluators && q.Spread > 0)),
                ("Consensus scores with no independent scores behind them", questions.Count(q => q.Source == ScoreSource.Moderated && q.EvaluatorScores.Count == 0)),
                ("Bids whose minimum thresholds wait for every score", hasThresholds
                    ? lot.Bids.Count(b => b.Sections.Any(s => s.Questions.Any(q => q.Source is ScoreSource.Missing or ScoreSource.PartialMean)))
                    : 0),
                ("Prices that may be abnormally low, not yet resolved with the bidder", lot.Bids.Count(b =>
                    b.LowPrice is { Flagged: true, Decision: null }
                    && !b.Disqualified
                    && !b.Sections.Any(s => s.BelowMinimum || s.Questions.Any(q => q.BelowMinimum)))),
            ],
        };
    }
}
