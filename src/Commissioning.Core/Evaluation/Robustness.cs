using Commissioning.Core.Tenders;

namespace Commissioning.Core.Evaluation;

/// <summary>Settings for the robustness analysis. The defaults are stated in every report.</summary>
public sealed record RobustnessOptions
{
    /// <summary>Each section weight is moved by up to this percentage of itself in each random trial.</summary>
    public decimal PerturbationRange { get; init; } = 20m;
    /// <summary>How many random trials.</summary>
    public int Samples { get; init; } = 1000;
    /// <summary>The seed: the same seed always gives the same trials.</summary>
    public ulong Seed { get; init; } = 2023;
}

/// <summary>A bid's place under one price method.</summary>
public sealed record RankedBid(string BidId, string Provider, int Rank, decimal Total);

/// <summary>The ranking under one price method.</summary>
public sealed record PriceMethodOutcome
{
    /// <summary>The method.</summary>
    public required PriceMethod Method { get; init; }
    /// <summary>The eligible bids in rank order.</summary>
    public required IReadOnlyList<RankedBid> Ranking { get; init; }
    /// <summary>The winning bid, or null if none or tied.</summary>
    public string? WinnerBidId { get; init; }
    /// <summary>True when the winner differs from the declared method's winner.</summary>
    public required bool WinnerChanges { get; init; }
    /// <summary>
    /// For the linear method on a lot with no declared ceiling: true, because the highest eligible
    /// price was used as the ceiling.
    /// </summary>
    public bool CeilingFromHighestPrice { get; init; }
}

/// <summary>The ranking under one quality method: absolute (against the scale) or relative (against the best eligible bid).</summary>
public sealed record QualityMethodOutcome
{
    /// <summary>The method.</summary>
    public required QualityMethod Method { get; init; }
    /// <summary>The eligible bids in rank order.</summary>
    public required IReadOnlyList<RankedBid> Ranking { get; init; }
    /// <summary>The winning bid, or null if none or tied.</summary>
    public string? WinnerBidId { get; init; }
    /// <summary>True when the winner differs from the winner under the lot's declared quality method.</summary>
    public required bool WinnerChanges { get; init; }
}

/// <summary>What the search for a tipping change of one section's weight found.</summary>
public enum TippingOutcome
{
    /// <summary>A change of this section's weight changes the winner (see <see cref="WeightTipping.Change"/>).</summary>
    Changes,
    /// <summary>No change of this section's weight alone, from 0% to 100% of quality, changes the winner.</summary>
    NoChange,
    /// <summary>There is no single winner to test.</summary>
    NoSingleWinner,
    /// <summary>The lot has one section, so its weight cannot change.</summary>
    OneSection,
}

/// <summary>The smallest change to one section's weight that changes the winner.</summary>
public sealed record WeightTipping
{
    /// <summary>The section.</summary>
    public required Section Section { get; init; }
    /// <summary>What the search found.</summary>
    public required TippingOutcome Outcome { get; init; }
    /// <summary>The section's declared share of quality, in percent.</summary>
    public required decimal FromPercent { get; init; }
    /// <summary>The smallest change in percentage points of quality (signed), or null if no change of this section alone changes the winner.</summary>
    public decimal? Change { get; init; }
    /// <summary>The section's share of quality after the change, in percent; null without a change.</summary>
    public decimal? ToPercent { get; init; }
    /// <summary>For section weights in points: the section's weight after the change, in the declared points; otherwise null.</summary>
    public decimal? ToPoints { get; init; }
    /// <summary>The winner after that change (null when the change leaves no single winner).</summary>
    public string? NewWinnerBidId { get; init; }
    /// <summary>The new winner's provider.</summary>
    public string? NewWinnerProvider { get; init; }
}

/// <summary>The random weight trials.</summary>
public sealed record PerturbationSummary
{
    /// <summary>Trials run.</summary>
    public required int Samples { get; init; }
    /// <summary>The range used, as a percentage of each weight.</summary>
    public required decimal Range { get; init; }
    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary>Trials in which the declared winner still won.</summary>
    public required int WinnerHeld { get; init; }
    /// <summary>The share of trials in which the winner held, in percent.</summary>
    public decimal WinnerHeldPercent => Samples == 0 ? 0m : 100m * WinnerHeld / Samples;
    /// <summary>How many trials each bid won (ties count for no bid).</summary>
    public required IReadOnlyDictionary<string, int> WinsByBid { get; init; }
}

/// <summary>What a losing bid would have needed to win.</summary>
public sealed record LosingBidGap
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>The provider.</summary>
    public required string Provider { get; init; }
    /// <summary>True when the bid was not eligible, so it could not win.</summary>
    public required bool Excluded { get; init; }
    /// <summary>True when the bid was excluded for an abnormally low price after the bidder was asked to explain it.</summary>
    public bool ExcludedForLowPrice { get; init; }
    /// <summary>Points behind the winner; null for an excluded bid.</summary>
    public decimal? PointsBehind { get; init; }
    /// <summary>The bid's weighted quality, in percent.</summary>
    public required decimal QualityPercent { get; init; }
    /// <summary>The bid's evaluated price.</summary>
    public required decimal EvaluatedPrice { get; init; }
    /// <summary>The quality percentage that would have won at the same price, if reachable.</summary>
    public decimal? QualityPercentNeeded { get; init; }
    /// <summary>The highest evaluated price that would have won at the same quality, if any.</summary>
    public decimal? PriceNeeded { get; init; }
    /// <summary>How much lower <see cref="PriceNeeded"/> is than the bid's price, in percent of it.</summary>
    public decimal? PriceReductionPercent { get; init; }
}

/// <summary>How robust one lot's result is.</summary>
public sealed record LotRobustness
{
    /// <summary>The lot.</summary>
    public required Lot Lot { get; init; }
    /// <summary>The declared winner, or null.</summary>
    public string? WinnerBidId { get; init; }
    /// <summary>The ranking under each price method.</summary>
    public required IReadOnlyList<PriceMethodOutcome> PriceMethods { get; init; }
    /// <summary>The ranking under each quality method, the declared one first: whether the winner would change between absolute and relative quality scoring.</summary>
    public required IReadOnlyList<QualityMethodOutcome> QualityMethods { get; init; }
    /// <summary>For each section, the smallest weight change that changes the winner.</summary>
    public required IReadOnlyList<WeightTipping> Sensitivity { get; init; }
    /// <summary>The random weight trials.</summary>
    public required PerturbationSummary Perturbation { get; init; }
    /// <summary>What each losing bid would have needed.</summary>
    public required IReadOnlyList<LosingBidGap> Gaps { get; init; }
}

/// <summary>
/// How far a result can be trusted: whether the winner changes with the price method, how much a
/// section's weight must move to change it, how often it holds when all weights are jiggled at
/// random (seeded, so deterministic), and what each losing bid would have needed to win.
/// </summary>
public static class RobustnessAnalysis
{
    private static readonly PriceMethod[] Methods = [PriceMethod.Proportional, PriceMethod.Linear, PriceMethod.Deviation, PriceMethod.PricePerQualityPoint];

    /// <summary>Analyses every lot.</summary>
    public static IReadOnlyList<LotRobustness> Analyse(TenderPack pack, RobustnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        options ??= new RobustnessOptions();
        return [.. pack.Tender.Lots.Select(lot => AnalyseLot(LotScoring.Build(pack, lot), options))];
    }

    internal static LotRobustness AnalyseLot(LotScoring scoring, RobustnessOptions options)
    {
        var weights = scoring.DeclaredSectionWeights;
        var declared = scoring.Standings(weights, scoring.Lot.Price.Method);
        var winner = scoring.Winner(declared);
        return new LotRobustness
        {
            Lot = scoring.Lot,
            WinnerBidId = winner is { } w ? scoring.Bids[w].Bid.Id : null,
            PriceMethods = [.. Methods.Select(m => CompareMethod(scoring, weights, m, winner))],
            QualityMethods = [.. new[] { scoring.Lot.QualityMethod, scoring.Lot.QualityMethod == QualityMethod.Absolute ? QualityMethod.Relative : QualityMethod.Absolute }
                .Select(m => CompareQualityMethod(scoring, weights, m, winner))],
            Sensitivity = [.. scoring.Lot.Sections.Select((_, s) => Tipping(scoring, weights, s, winner))],
            Perturbation = Perturb(scoring, weights, declared, winner, options),
            Gaps = Gaps(scoring, declared, winner),
        };
    }

    private static PriceMethodOutcome CompareMethod(LotScoring scoring, decimal[] weights, PriceMethod method, int? declaredWinner)
    {
        var standings = scoring.Standings(weights, method);
        var winner = scoring.Winner(standings);
        return new PriceMethodOutcome
        {
            Method = method,
            Ranking = [.. scoring.Rank(standings).Select(r => new RankedBid(scoring.Bids[r.Index].Bid.Id, scoring.Bids[r.Index].Bid.Provider, r.Rank, standings[r.Index].Total!.Value))],
            WinnerBidId = winner is { } w ? scoring.Bids[w].Bid.Id : null,
            WinnerChanges = winner != declaredWinner,
            CeilingFromHighestPrice = method == PriceMethod.Linear && scoring.Lot.Price.Ceiling is null,
        };
    }

    private static QualityMethodOutcome CompareQualityMethod(LotScoring scoring, decimal[] weights, QualityMethod method, int? declaredWinner)
    {
        var standings = scoring.Standings(weights, scoring.Lot.Price.Method, method);
        var winner = scoring.Winner(standings);
        return new QualityMethodOutcome
        {
            Method = method,
            Ranking = [.. scoring.Rank(standings).Select(r => new RankedBid(scoring.Bids[r.Index].Bid.Id, scoring.Bids[r.Index].Bid.Provider, r.Rank, standings[r.Index].Total!.Value))],
            WinnerBidId = winner is { } w ? scoring.Bids[w].Bid.Id : null,
            WinnerChanges = winner != declaredWinner,
        };
    }

    /// <summary>Weights with section <paramref name="section"/> moved by <paramref name="change"/> points and the others scaled to keep 100.</summary>
    private static decimal[] Shift(decimal[] weights, int section, decimal change)
    {
        var rest = 100m - weights[section];
        var shifted = new decimal[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            // Multiply before dividing, so whole-number weights stay exact (55 × 20 ÷ 55 is 20, not 19.999…).
            shifted[i] = i == section ? weights[i] + change : rest == 0 ? 0m : weights[i] * (rest - change) / rest;
        }

        return shifted;
    }

    private static WeightTipping Tipping(LotScoring scoring, decimal[] weights, int section, int? winner)
    {
        var target = scoring.Lot.Sections[section];
        if (winner is not { } w)
        {
            return new WeightTipping { Section = target, Outcome = TippingOutcome.NoSingleWinner, FromPercent = weights[section] };
        }

        if (weights.Length < 2)
        {
            return new WeightTipping { Section = target, Outcome = TippingOutcome.OneSection, FromPercent = weights[section] };
        }

        var best = (Change: (decimal?)null, Winner: (int?)null);
        foreach (var direction in new[] { 1m, -1m })
        {
            var limit = direction > 0 ? 100m - weights[section] : weights[section];
            var found = FirstFlip(scoring, weights, section, w, direction, limit);
            if (found is { } f && (best.Change is null || Math.Abs(f.Change) < Math.Abs(best.Change.Value)))
            {
                best = (f.Change, f.Winner);
            }
        }

        if (best.Change is not { } change)
        {
            return new WeightTipping { Section = target, Outcome = TippingOutcome.NoChange, FromPercent = weights[section] };
        }

        var newWinner = best.Winner is { } nw ? scoring.Bids[nw].Bid : null;
        var lot = scoring.Lot;
        return new WeightTipping
        {
            Section = target,
            Outcome = TippingOutcome.Changes,
            FromPercent = weights[section],
            Change = change,
            ToPercent = weights[section] + change,
            ToPoints = lot.SectionWeights == WeightUnit.Points ? (weights[section] + change) * lot.SectionWeightTotal / 100m : null,
            NewWinnerBidId = newWinner?.Id,
            NewWinnerProvider = newWinner?.Provider,
        };
    }

    /// <summary>
    /// The smallest move in one direction, to the next 0.01 point, at which the winner has
    /// changed. Moving one section's weight changes every bid's quality linearly, and price points
    /// change only where a bid crosses the minimum quality (which changes who is eligible and so
    /// the lowest price). So the range is swept segment by segment between those eligibility
    /// breakpoints; within a segment every total is a straight line, and the first point where a
    /// rival overtakes the winner is solved exactly and confirmed by re-ranking just beyond it.
    /// Under price per quality point, where totals are not straight lines, the range is walked in
    /// 1-point steps and the first change narrowed down by halving. Either way the reported change
    /// is the smallest 0.01 step, at or beyond the crossing, at which re-ranking confirms that the
    /// winner has changed.
    /// </summary>
    private static (decimal Change, int? Winner)? FirstFlip(LotScoring scoring, decimal[] weights, int section, int winner, decimal direction, decimal limit)
    {
        if (limit <= 0)
        {
            return null;
        }

        var method = scoring.Lot.Price.Method;
        bool Holds(decimal t) => scoring.Winner(scoring.Standings(Shift(weights, section, direction * t), method)) == winner;
        var exact = method == PriceMethod.PricePerQualityPoint || scoring.Lot.QualityMethod == QualityMethod.Relative
            ? WalkAndNarrow(limit, Holds)
            : Sweep(scoring, weights, section, winner, direction, limit, Holds);
        if (exact is not { } crossing)
        {
            return null;
        }

        // The smallest 0.01 step at or beyond the crossing at which re-ranking confirms the winner
        // has changed; the new winner is the one at exactly that step.
        var change = Math.Max(0.01m, Math.Ceiling(crossing * 100m) / 100m);
        for (var step = 0; step < 100 && change <= limit && Holds(change); step++)
        {
            change += 0.01m;
        }

        if (change > limit || Holds(change))
        {
            return null;
        }

        return (direction * change, scoring.Winner(scoring.Standings(Shift(weights, section, direction * change), method)));
    }

    /// <summary>The exact point of the first change for methods whose totals are straight lines between eligibility breakpoints.</summary>
    private static decimal? Sweep(LotScoring scoring, decimal[] weights, int section, int winner, decimal direction, decimal limit, Func<decimal, bool> holds)
    {
        const decimal Nudge = 0.000001m;
        var method = scoring.Lot.Price.Method;
        var start = scoring.Standings(weights, method);
        var rest = 100m - weights[section];
        var count = scoring.Bids.Count;
        var slopes = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            var sections = scoring.Bids[i].Sections;
            var others = 0m;
            for (var s = 0; s < sections.Count; s++)
            {
                if (s != section)
                {
                    others += weights[s] * sections[s].Percent;
                }
            }

            // Quality percentage gained per point moved in this direction.
            slopes[i] = direction * (sections[section].Percent - (rest == 0 ? 0m : others / rest)) / 100m;
        }

        var qualityShare = scoring.QualityShare / 100m;
        var segmentStart = 0m;
        while (segmentStart < limit)
        {
            var segmentEnd = limit;
            if (scoring.Lot.MinimumQualityPercent is { } minimum)
            {
                for (var i = 0; i < count; i++)
                {
                    if (scoring.Bids[i].Eligible && scoring.Bids[i].ScoresFinal && slopes[i] != 0)
                    {
                        var breakpoint = (minimum - start[i].QualityPercent) / slopes[i];
                        if (breakpoint > segmentStart && breakpoint < segmentEnd)
                        {
                            segmentEnd = breakpoint;
                        }
                    }
                }
            }

            // Eligibility, and so every price score, is the same throughout the segment.
            var inside = scoring.Standings(Shift(weights, section, direction * ((segmentStart + segmentEnd) / 2m)), method);
            if (!inside[winner].Eligible)
            {
                return segmentStart;
            }

            var candidates = new SortedSet<decimal>();
            var leader = start[winner].QualityPoints + inside[winner].PricePoints!.Value;
            for (var c = 0; c < count; c++)
            {
                if (c == winner || !inside[c].Eligible)
                {
                    continue;
                }

                var rival = start[c].QualityPoints + inside[c].PricePoints!.Value;
                var closing = qualityShare * (slopes[c] - slopes[winner]);
                if (rival + (qualityShare * slopes[c] * segmentStart) >= leader + (qualityShare * slopes[winner] * segmentStart))
                {
                    candidates.Add(segmentStart);
                }
                else if (closing > 0)
                {
                    var crossing = (leader - rival) / closing;
                    if (crossing >= segmentStart && crossing <= segmentEnd)
                    {
                        candidates.Add(crossing);
                    }
                }
            }

            foreach (var candidate in candidates)
            {
                if (!holds(Math.Min(candidate + Nudge, limit)))
                {
                    return candidate;
                }
            }

            // A change at the boundary itself (a bid becoming eligible or not) is found at the
            // start of the next segment, where eligibility and price points are recomputed.
            segmentStart = segmentEnd;
        }

        return null;
    }

    /// <summary>Walks the range in 1-point steps and narrows the first change by halving; returns the last point where the winner held.</summary>
    private static decimal? WalkAndNarrow(decimal limit, Func<decimal, bool> holds)
    {
        var held = 0m;
        for (var step = 1m; ; step += 1m)
        {
            var point = Math.Min(step, limit);
            if (!holds(point))
            {
                var flips = point;
                while (flips - held > 0.0001m)
                {
                    var middle = (held + flips) / 2m;
                    if (holds(middle))
                    {
                        held = middle;
                    }
                    else
                    {
                        flips = middle;
                    }
                }

                return held;
            }

            if (point >= limit)
            {
                return null;
            }

            held = point;
        }
    }

    private static PerturbationSummary Perturb(LotScoring scoring, decimal[] weights, Standing[] declared, int? winner, RobustnessOptions options)
    {
        var random = new SplitMix64(options.Seed);
        var wins = new Dictionary<string, int>(StringComparer.Ordinal);
        var held = 0;
        var trial = new decimal[weights.Length];
        var range = options.PerturbationRange / 100m;
        for (var n = 0; n < options.Samples; n++)
        {
            // The engine uses weights relative to their total, so the trial weights need not be
            // rescaled to 100; keeping them short keeps the decimal arithmetic quick.
            for (var s = 0; s < weights.Length; s++)
            {
                trial[s] = weights[s] * (1m + (range * random.NextSigned()));
            }

            var trialWinner = scoring.TrialWinner(trial, scoring.Lot.Price.Method, declared);
            if (trialWinner is { } t)
            {
                var id = scoring.Bids[t].Bid.Id;
                wins[id] = wins.GetValueOrDefault(id) + 1;
            }

            if (trialWinner is not null && trialWinner == winner)
            {
                held++;
            }
        }

        return new PerturbationSummary { Samples = options.Samples, Range = options.PerturbationRange, Seed = options.Seed, WinnerHeld = held, WinsByBid = wins };
    }

    private static List<LosingBidGap> Gaps(LotScoring scoring, Standing[] standings, int? winner)
    {
        var gaps = new List<LosingBidGap>();
        if (winner is not { } w)
        {
            return gaps;
        }

        var method = scoring.Lot.Price.Method;
        var leader = standings[w];
        var qualities = scoring.Qualities(scoring.DeclaredSectionWeights);
        for (var i = 0; i < scoring.Bids.Count; i++)
        {
            if (i == w)
            {
                continue;
            }

            var bid = scoring.Bids[i].Bid;
            if (!standings[i].Eligible)
            {
                gaps.Add(new LosingBidGap
                {
                    BidId = bid.Id,
                    Provider = bid.Provider,
                    Excluded = true,
                    ExcludedForLowPrice = scoring.Bids[i].LowPrice?.Excluded == true,
                    QualityPercent = standings[i].QualityPercent,
                    EvaluatedPrice = scoring.Bids[i].EvaluatedPrice,
                });
                continue;
            }

            var behind = leader.Total!.Value - standings[i].Total!.Value;
            decimal? qualityNeeded = null;
            if (method != PriceMethod.PricePerQualityPoint)
            {
                var needed = scoring.QualityShare == 0 ? decimal.MaxValue
                    : scoring.Lot.QualityMethod == QualityMethod.Relative ? RelativeQualityToWin(scoring, standings, i)
                    : (standings[i].QualityPoints + behind) / scoring.QualityShare * 100m;
                qualityNeeded = needed <= 100m ? needed : null;
            }

            var priceNeeded = PriceToWin(scoring, qualities, i);
            gaps.Add(new LosingBidGap
            {
                BidId = bid.Id,
                Provider = bid.Provider,
                Excluded = false,
                PointsBehind = behind,
                QualityPercent = standings[i].QualityPercent,
                EvaluatedPrice = scoring.Bids[i].EvaluatedPrice,
                QualityPercentNeeded = qualityNeeded,
                PriceNeeded = priceNeeded,
                PriceReductionPercent = priceNeeded is { } p ? (scoring.Bids[i].EvaluatedPrice - p) / scoring.Bids[i].EvaluatedPrice * 100m : null,
            });
        }

        return gaps;
    }

    /// <summary>
    /// Under relative quality scoring, the absolute quality above which a losing bid would win at
    /// its price, or <see cref="decimal.MaxValue"/> if none would. Price points do not depend on
    /// quality (outside price per quality point, which is not asked), so the totals can be solved
    /// directly. While the bid's quality stays at or below the best of the other eligible bids
    /// (B), only its own points rise: it wins above (rival total − its price points) × B ÷ quality
    /// share. Above B it becomes the best and scores full quality points, and every other bid's
    /// relative quality falls as its quality rises: it wins above each rival's quality × quality
    /// share ÷ (quality share + its price points − the rival's price points).
    /// </summary>
    private static decimal RelativeQualityToWin(LotScoring scoring, Standing[] standings, int index)
    {
        var share = scoring.QualityShare;
        var own = standings[index].PricePoints ?? 0m;
        var rivals = standings.Where(s => s.Eligible && s.Index != index).ToList();
        if (rivals.Count == 0)
        {
            return standings[index].QualityPercent;
        }

        var best = rivals.Max(s => s.QualityPercent);
        var rivalTotal = rivals.Max(s => s.Total!.Value);
        var belowBest = best * (rivalTotal - own) / share;
        if (belowBest <= best)
        {
            return Math.Max(belowBest, 0m);
        }

        var needed = best;
        foreach (var rival in rivals)
        {
            var margin = share + own - (rival.PricePoints ?? 0m);
            if (margin <= 0)
            {
                return decimal.MaxValue;
            }

            needed = Math.Max(needed, rival.QualityPercent * share / margin);
        }

        return needed;
    }

    /// <summary>
    /// The highest price (to the penny) at which the bid would win with its quality unchanged, or
    /// null. Found by halving between a penny and its own price, re-ranking every bid each time,
    /// because a lower price can change the lowest price and so every other bid's price score.
    /// Quality does not depend on price, so it is computed once (<paramref name="qualities"/>,
    /// for the declared weights) and only the prices are scored again at each step.
    /// </summary>
    private static decimal? PriceToWin(LotScoring scoring, Standing[] qualities, int index)
    {
        var method = scoring.Lot.Price.Method;
        bool Wins(decimal price) => scoring.Winner(scoring.Repriced(qualities, method, index, price)) == index;
        var low = 0.01m;
        if (!Wins(low))
        {
            return null;
        }

        var high = scoring.Bids[index].EvaluatedPrice;
        while (high - low > 0.01m)
        {
            var middle = Math.Round((low + high) / 2m, 2, MidpointRounding.ToZero);
            if (middle <= low)
            {
                break;
            }

            if (Wins(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A small, fixed pseudo-random generator (SplitMix64), so trials are the same on every machine and runtime.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A decimal from -1 to 1 in steps of one millionth.</summary>
        public decimal NextSigned()
        {
            unchecked
            {
                var z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                return ((long)(z % 2_000_001UL) - 1_000_000L) / 1_000_000m;
            }
        }
    }
}
