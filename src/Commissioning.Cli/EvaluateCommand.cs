using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Commissioning.Application;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Cli;

/// <summary><c>evaluate &lt;tender.json&gt; [--json]</c>.</summary>
internal static class EvaluateCommand
{
    private const string RoundingRule = "Figures are shown to 2 decimal places, rounded half away from zero; all arithmetic and ranking use unrounded values.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(CommandContext context, string file, bool json)
    {
        // Read, validate and evaluate: the application service's steps, shared with the site.
        var read = TenderFiles.ReadPack(context.ReadFile(file), context.Standards);
        if (!read.Succeeded)
        {
            // Unreadable: each message names its place already. Invalid: each message names the
            // place in words, and the JSON path says where it is in the file.
            return read.Failure == FailureKind.Unreadable
                ? context.Problems(file, read.Errors)
                : context.Invalid(file, read.Errors.Select(e => $"{e.Location!.Describe()}: {e.Message}"));
        }

        var (result, robustness) = TenderFiles.Evaluate(read.Value);
        if (json)
        {
            context.Output.WriteLines(Json(result, robustness).ToJsonString(JsonOptions));
        }
        else
        {
            WriteText(context.Output, result, robustness);
        }

        return ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, TenderResult result, IReadOnlyList<LotRobustness> robustness)
    {
        var tender = result.Tender;
        output.WriteLine(tender.Title + (tender.Reference is null ? "" : $" ({tender.Reference})"));
        output.WriteLine($"Regime: {Regime(tender.Regime.Regime)}, {tender.Regime.Procedure}. Why: {tender.Regime.Rationale}");
        output.WriteLine(RoundingRule);
        for (var l = 0; l < result.Lots.Count; l++)
        {
            WriteLot(output, tender, result.Lots[l], robustness[l], l);
        }
    }

    private static void WriteLot(TextWriter output, Tender tender, LotResult lot, LotRobustness robustness, int index)
    {
        var definition = lot.Lot;
        output.WriteLine();
        output.WriteLine(new string('=', 78));
        output.WriteLine($"Lot {index + 1}: {definition.Title} ({definition.Id})");
        output.WriteLine($"Members: {string.Join(", ", tender.MembersOf(definition).Select(m => $"{m.Profile.Name} ({m.Profile.Headcount:N0} staff)"))}");
        output.WriteLine($"{Weights(definition)} ({Method(definition.Price.Method)}); price over {definition.Price.EvaluatedYears} years; tie-break: {TieBreak(definition)}.");
        output.WriteLine($"{QualityMethodWords(definition)} {LowPriceRule(definition)}");
        output.WriteLine(lot.Bids.Count == 0
            ? "Status: no bids to evaluate, so there is no result."
            : lot.Complete ? "Status: complete." : $"Status: PROVISIONAL. {lot.Outstanding.Count} thing{(lot.Outstanding.Count == 1 ? " is" : "s are")} outstanding:");
        foreach (var item in lot.Outstanding.Where(_ => lot.Bids.Count > 0))
        {
            output.WriteLine($"  - {item}");
        }

        foreach (var warning in lot.Warnings)
        {
            output.WriteLine($"Warning: {warning}");
        }

        output.WriteLine();
        var points = definition.Weights == WeightUnit.Points;
        var relative = definition.QualityMethod == QualityMethod.Relative;
        string[] headings = ["Rank", "Provider", "Quality", .. relative ? new[] { "Relative" } : [], "Quality pts", "Evaluated price", "Price pts", "Total", .. points ? new[] { $"of {Rounding.Number(definition.WeightTotal)}" } : []];
        var table = new TextTable(headings).AlignRight([.. Enumerable.Range(0, headings.Length).Where(c => c != 1)]);
        foreach (var bid in lot.Bids)
        {
            string[] cells =
            [
                bid.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                bid.Bid.Provider + (bid.LowPrice is { Flagged: true, Decision: null } && bid.Eligible ? " (price flagged)" : ""),
                Rounding.Percent(bid.QualityPercent),
                .. relative ? new[] { bid.RelativeQualityPercent is { } r ? Rounding.Percent(r) : "-" } : [],
                relative && !bid.Eligible ? "-" : Rounding.Number(bid.QualityPoints),
                Rounding.Money(bid.Price.EvaluatedPrice),
                bid.Price.Points is { } pricePoints ? Rounding.Number(pricePoints) : "-",
                bid.Total is { } total ? Rounding.Number(total) : bid.Disqualified ? "excluded (gate)" : bid.ExcludedForLowPrice ? "excluded (low price)" : "excluded (threshold)",
                .. points ? new[] { bid.Total is { } t ? Rounding.Number(t * definition.WeightTotal / 100m) : "-" } : [],
            ];
            table.Add(cells);
        }

        table.WriteTo(output);
        foreach (var excluded in lot.Bids.Where(b => !b.Eligible))
        {
            var reasons = excluded.Gates.Where(g => g.Status == GateStatus.Failed)
                .Select(g => $"failed gate {g.Gate.Id} {g.Gate.Title}: {g.Reason}")
                .Concat(excluded.ThresholdsFailed)
                .Concat(excluded.ExcludedForLowPrice ? [$"price found abnormally low after the bidder was asked to explain it: {excluded.LowPrice!.Decision!.Reason}"] : []);
            output.WriteLine($"  Excluded: {excluded.Bid.Provider}: {string.Join(" ", reasons)}");
        }

        output.WriteLine();
        output.WriteLine(lot.Bids.Count == 0
            ? "No bids, so no most advantageous tender."
            : lot.Leader is { } leader
                ? lot.Complete
                    ? $"Most advantageous tender: {leader.Bid.Provider}, total {Rounding.Number(leader.Total!.Value)} of 100{Declared(definition, leader)}."
                    : $"Provisional leader: {leader.Bid.Provider}, total {Rounding.Number(leader.Total!.Value)} of 100{Declared(definition, leader)}. This is not a result until nothing is outstanding."
                : "No single most advantageous tender.");

        output.WriteLine();
        output.WriteLine("How each bid was scored");
        foreach (var bid in lot.Bids)
        {
            output.WriteLine($"  {bid.Bid.Provider} ({bid.Bid.Id})");
            foreach (var line in bid.Breakdown)
            {
                output.WriteLine($"    {line}");
            }
        }

        WriteRobustness(output, lot, robustness);
    }

    private static void WriteRobustness(TextWriter output, LotResult lot, LotRobustness robustness)
    {
        var providers = lot.Bids.ToDictionary(b => b.Bid.Id, b => b.Bid.Provider);
        string Name(string? id) => id is null ? "no single winner" : providers.GetValueOrDefault(id, id);
        output.WriteLine();
        output.WriteLine("How robust the result is");
        output.WriteLine("  Under each price method:");
        var methods = new TextTable("Method", "Winner", "Ranking");
        foreach (var outcome in robustness.PriceMethods)
        {
            methods.Add(Method(outcome.Method) + (outcome.Method == lot.Lot.Price.Method ? " (declared)" : ""),
                Name(outcome.WinnerBidId) + (outcome.WinnerChanges ? "  << winner changes" : ""),
                string.Join(", ", outcome.Ranking.Select(r => $"{r.Rank}. {r.Provider} {Rounding.Number(r.Total)}")));
        }

        methods.WriteTo(output, "    ");
        foreach (var note in robustness.PriceMethods.Where(m => m.Note is not null))
        {
            output.WriteLine($"    Note on {Method(note.Method)}: {note.Note}");
        }

        var qualityMethods = robustness.QualityMethods;
        if (qualityMethods.Count == 2)
        {
            var other = qualityMethods[1];
            output.WriteLine(other.WinnerChanges
                ? $"  Under {QualityMethodName(other.Method)} quality scoring the winner would change: {Name(other.WinnerBidId)} would win. Ranking: {string.Join(", ", other.Ranking.Select(r => $"{r.Rank}. {r.Provider} {Rounding.Number(r.Total)}"))}."
                : $"  Under {QualityMethodName(other.Method)} quality scoring the winner would be the same ({Name(other.WinnerBidId)}).");
        }

        output.WriteLine("  Smallest change to one section's weight that changes the winner:");
        foreach (var tipping in robustness.Sensitivity)
        {
            output.WriteLine($"    - {tipping.Explanation}");
        }

        var trials = robustness.Perturbation;
        if (robustness.WinnerBidId is null)
        {
            output.WriteLine("  Random weight trials: there is no single winner to test.");
            return;
        }

        output.WriteLine($"  Random weight trials: the winner held in {Rounding.Percent(trials.WinnerHeldPercent)} of {trials.Samples:N0} trials (each section weight moved at random by up to ±{Rounding.Number(trials.Range)}% of itself; seed {trials.Seed}).");
        foreach (var (bidId, wins) in trials.WinsByBid.OrderByDescending(w => w.Value))
        {
            output.WriteLine($"    {Name(bidId)} won {wins:N0}");
        }

        if (robustness.Gaps.Count > 0)
        {
            output.WriteLine("  What each other bid would have needed to win:");
            foreach (var gap in robustness.Gaps.OrderBy(g => g.PointsBehind ?? decimal.MaxValue))
            {
                output.WriteLine($"    - {gap.Explanation}");
            }
        }
    }

    private static JsonObject Json(TenderResult result, IReadOnlyList<LotRobustness> robustness)
    {
        var lots = new JsonArray();
        for (var i = 0; i < result.Lots.Count; i++)
        {
            var lot = result.Lots[i];
            var node = JsonSerializer.SerializeToNode(LotJson(lot, robustness[i]), JsonOptions)!.AsObject();

            // Until the result is complete no bid is named most advantageous; the leader so far is
            // named as such, and the field that is not true of this lot is left out.
            node.Remove(lot.Complete ? "provisionalLeader" : "mostAdvantageous");
            lots.Add(node);
        }

        return new JsonObject
        {
            ["format"] = "oh-evaluation",
            ["version"] = 2,
            ["tender"] = result.Tender.Title,
            ["roundingRule"] = RoundingRule,
            ["lots"] = lots,
        };
    }

    private static object LotJson(LotResult lot, LotRobustness robustness) => new
    {
        id = lot.Lot.Id,
        title = lot.Lot.Title,
        complete = lot.Complete,
        outstanding = lot.Outstanding,
        warnings = lot.Warnings,
        mostAdvantageous = lot.MostAdvantageous?.Bid.Id,
        provisionalLeader = lot.Complete ? null : lot.Leader?.Bid.Id,
        weights = new
        {
            unit = lot.Lot.Weights,
            quality = lot.Lot.QualityWeight,
            price = lot.Lot.PriceWeight,
            total = lot.Lot.WeightTotal,
            qualityShare = lot.Lot.QualitySharePercent,
            priceShare = lot.Lot.PriceSharePercent,
            sectionUnit = lot.Lot.SectionWeights,
        },
        qualityMethod = lot.Lot.QualityMethod,
        abnormallyLowPercent = lot.Lot.AbnormallyLowPercent,
        bids = lot.Bids.Select(b => new
        {
            id = b.Bid.Id,
            provider = b.Bid.Provider,
            rank = b.Rank,
            eligible = b.Eligible,
            disqualified = b.Disqualified,
            excludedForLowPrice = b.ExcludedForLowPrice,
            total = b.Total,
            totalAsDeclared = b.Total is { } total ? total * lot.Lot.WeightTotal / 100m : (decimal?)null,
            qualityPercent = b.QualityPercent,
            relativeQualityPercent = b.RelativeQualityPercent,
            qualityPoints = b.QualityPoints,
            qualityRaw = b.QualityRaw,
            qualityRawMaximum = b.QualityRawMaximum,
            price = b.Price,
            lowPrice = b.LowPrice is { } check ? new
            {
                median = check.Median,
                percent = check.Percent,
                limit = check.Limit,
                flagged = check.Flagged,
                decision = check.Decision is { } d ? new { outcome = d.Outcome, reason = d.Reason, decidedBy = d.DecidedBy } : null,
            } : null,
            gates = b.Gates.Select(g => new { id = g.Gate.Id, title = g.Gate.Title, status = g.Status, reason = g.Reason, basis = g.Basis }),
            thresholdsFailed = b.ThresholdsFailed,
            sections = b.Sections.Select(s => new
            {
                id = s.Section.Id,
                title = s.Section.Title,
                weight = s.Section.Weight,
                share = lot.Lot.SectionSharePercent(s.Section),
                raw = s.RawScore,
                rawMaximum = s.RawMaximum,
                percent = s.Percent,
                points = s.Points,
                belowMinimum = s.BelowMinimum,
                questionUnit = s.Section.QuestionWeights,
                questions = s.Questions.Select(q => new
                {
                    id = q.Question.Id,
                    weight = q.Question.Weight,
                    share = s.Section.QuestionSharePercent(q.Question),
                    score = q.Score,
                    source = q.Source,
                    spread = q.Spread,
                    spreadFlagged = q.SpreadFlagged,
                    points = q.Points,
                    belowMinimum = q.BelowMinimum,
                    evaluatorScores = q.EvaluatorScores.Select(e => new { evaluatorId = e.EvaluatorId, score = e.Score, rationale = e.Rationale }),
                    moderation = q.Moderation,
                    explanation = q.Explanation,
                }),
            }),
            breakdown = b.Breakdown,
        }),
        agreement = lot.Agreement.Select(a => new { questionId = a.Question.Id, a.BidsCompared, a.Unanimous, a.LargestSpread, a.MeanSpread, a.Flagged }),
        robustness = new
        {
            priceMethods = robustness.PriceMethods,
            qualityMethods = robustness.QualityMethods,
            sensitivity = robustness.Sensitivity.Select(t => new { sectionId = t.Section.Id, change = t.Change, newWinner = t.NewWinnerBidId, explanation = t.Explanation }),
            perturbation = new
            {
                samples = robustness.Perturbation.Samples,
                range = robustness.Perturbation.Range,
                seed = robustness.Perturbation.Seed,
                winnerHeld = robustness.Perturbation.WinnerHeld,
                winnerHeldPercent = robustness.Perturbation.WinnerHeldPercent,
                winsByBid = robustness.Perturbation.WinsByBid,
            },
            gaps = robustness.Gaps,
        },
    };

    /// <summary>The lot's weights: "Quality 70%, price 30%", or "Quality 130 and price 70 points of 200 (65% and 35% of the total)".</summary>
    private static string Weights(Lot lot) => lot.Weights == WeightUnit.Points
        ? $"Quality {Rounding.Number(lot.QualityWeight)} and price {Rounding.Number(lot.PriceWeight)} points of {Rounding.Number(lot.WeightTotal)} ({Rounding.Percent(lot.QualitySharePercent)} and {Rounding.Percent(lot.PriceSharePercent)} of the total)"
        : $"Quality {Rounding.Percent(lot.QualityWeight)}, price {Rounding.Percent(lot.PriceWeight)}";

    private static string QualityMethodWords(Lot lot) => lot.QualityMethod == QualityMethod.Relative
        ? "Quality is scored relative to the best eligible bid: each eligible bid's weighted quality over the best one's, so one bid's points depend on the others. Minimum thresholds are judged on absolute quality."
        : "Quality is scored against the scale: each bid's weighted quality as a share of full marks.";

    private static string LowPriceRule(Lot lot) => lot.AbnormallyLowPercent > 0
        ? $"Prices below {Rounding.Percent(lot.AbnormallyLowPercent)} of the median evaluated price are flagged as possibly abnormally low."
        : "No abnormally low price check is set for this lot.";

    private static string QualityMethodName(QualityMethod method) => method == QualityMethod.Relative ? "relative" : "absolute";

    /// <summary>For a lot with weights in points: " (146 of 200 points)".</summary>
    private static string Declared(Lot lot, BidResult bid) =>
        lot.Weights == WeightUnit.Points && bid.Total is { } total ? $" ({Rounding.Number(total * lot.WeightTotal / 100m)} of {Rounding.Number(lot.WeightTotal)} points)" : string.Empty;

    internal static string Method(PriceMethod method) => method switch
    {
        PriceMethod.Proportional => "proportional",
        PriceMethod.Linear => "linear to a ceiling",
        PriceMethod.Deviation => "deviation from lowest",
        _ => "price per quality point",
    };

    private static string Regime(ProcurementRegime regime) => regime switch
    {
        ProcurementRegime.ProcurementAct2023 => "Procurement Act 2023",
        _ => "Provider Selection Regime 2023",
    };

    private static string TieBreak(Lot lot) => lot.TieBreak.Rule switch
    {
        TieBreakRule.HighestQuality => "higher quality wins",
        TieBreakRule.LowestPrice => "lower price wins",
        _ => $"higher score on section {lot.TieBreak.SectionId} wins",
    };
}
