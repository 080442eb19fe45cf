using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;

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
        var read = TenderFile.Read(context.ReadFile(file));
        if (!read.Succeeded)
        {
            return context.Problems(file, read.Problems);
        }

        var pack = read.Value;
        var validation = new TenderPackValidator(context.Standards).Validate(pack);
        if (!validation.IsValid)
        {
            return context.Invalid(file, validation.Errors.Select(e => e.ErrorMessage));
        }

        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        if (json)
        {
            context.Output.WriteLines(JsonSerializer.Serialize(Json(result, robustness), JsonOptions));
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
        output.WriteLine($"Quality {Rounding.Percent(definition.QualityWeight)}, price {Rounding.Percent(definition.PriceWeight)} ({Method(definition.Price.Method)}); price over {definition.Price.EvaluatedYears} years; tie-break: {TieBreak(definition)}.");
        output.WriteLine(lot.Complete ? "Status: complete." : $"Status: PROVISIONAL. {lot.Outstanding.Count} thing{(lot.Outstanding.Count == 1 ? " is" : "s are")} outstanding:");
        foreach (var item in lot.Outstanding)
        {
            output.WriteLine($"  - {item}");
        }

        foreach (var warning in lot.Warnings)
        {
            output.WriteLine($"Warning: {warning}");
        }

        output.WriteLine();
        var table = new TextTable("Rank", "Provider", "Quality", "Quality pts", "Evaluated price", "Price pts", "Total").AlignRight(0, 2, 3, 4, 5, 6);
        foreach (var bid in lot.Bids)
        {
            table.Add(
                bid.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                bid.Bid.Provider,
                Rounding.Percent(bid.QualityPercent),
                Rounding.Number(bid.QualityPoints),
                Rounding.Money(bid.Price.EvaluatedPrice),
                bid.Price.Points is { } points ? Rounding.Number(points) : "-",
                bid.Total is { } total ? Rounding.Number(total) : bid.Disqualified ? "excluded (gate)" : "excluded (threshold)");
        }

        table.WriteTo(output);
        foreach (var excluded in lot.Bids.Where(b => !b.Eligible))
        {
            var reasons = excluded.Gates.Where(g => g.Status == GateStatus.Failed)
                .Select(g => $"failed gate {g.Gate.Id} {g.Gate.Title}: {g.Reason}")
                .Concat(excluded.ThresholdsFailed);
            output.WriteLine($"  Excluded: {excluded.Bid.Provider}: {string.Join(" ", reasons)}");
        }

        output.WriteLine();
        output.WriteLine(lot.MostAdvantageous is { } winner
            ? lot.Complete
                ? $"Most advantageous tender: {winner.Bid.Provider}, total {Rounding.Number(winner.Total!.Value)} of 100."
                : $"Provisional leader: {winner.Bid.Provider}, total {Rounding.Number(winner.Total!.Value)} of 100. This is not a result until nothing is outstanding."
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

    private static object Json(TenderResult result, IReadOnlyList<LotRobustness> robustness) => new
    {
        format = "oh-evaluation",
        version = 1,
        tender = result.Tender.Title,
        roundingRule = RoundingRule,
        lots = result.Lots.Select((lot, i) => new
        {
            id = lot.Lot.Id,
            title = lot.Lot.Title,
            complete = lot.Complete,
            outstanding = lot.Outstanding,
            warnings = lot.Warnings,
            mostAdvantageous = lot.MostAdvantageous?.Bid.Id,
            bids = lot.Bids.Select(b => new
            {
                id = b.Bid.Id,
                provider = b.Bid.Provider,
                rank = b.Rank,
                eligible = b.Eligible,
                disqualified = b.Disqualified,
                total = b.Total,
                qualityPercent = b.QualityPercent,
                qualityPoints = b.QualityPoints,
                qualityRaw = b.QualityRaw,
                qualityRawMaximum = b.QualityRawMaximum,
                price = b.Price,
                gates = b.Gates.Select(g => new { id = g.Gate.Id, title = g.Gate.Title, status = g.Status, reason = g.Reason, basis = g.Basis }),
                thresholdsFailed = b.ThresholdsFailed,
                sections = b.Sections.Select(s => new
                {
                    id = s.Section.Id,
                    title = s.Section.Title,
                    raw = s.RawScore,
                    rawMaximum = s.RawMaximum,
                    percent = s.Percent,
                    points = s.Points,
                    belowMinimum = s.BelowMinimum,
                    questions = s.Questions.Select(q => new
                    {
                        id = q.Question.Id,
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
                priceMethods = robustness[i].PriceMethods,
                sensitivity = robustness[i].Sensitivity.Select(t => new { sectionId = t.Section.Id, change = t.Change, newWinner = t.NewWinnerBidId, explanation = t.Explanation }),
                perturbation = new
                {
                    samples = robustness[i].Perturbation.Samples,
                    range = robustness[i].Perturbation.Range,
                    seed = robustness[i].Perturbation.Seed,
                    winnerHeld = robustness[i].Perturbation.WinnerHeld,
                    winnerHeldPercent = robustness[i].Perturbation.WinnerHeldPercent,
                    winsByBid = robustness[i].Perturbation.WinsByBid,
                },
                gaps = robustness[i].Gaps,
            },
        }),
    };

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
