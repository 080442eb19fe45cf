using System.Globalization;
using System.Xml.Linq;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Documents.Charts.ChartWords;
using static Commissioning.Documents.Charts.SvgCanvas;

namespace Commissioning.Documents.Charts;

/// <summary>
/// Charts of one lot's evaluation, drawn on the server as SVG with no script: the section points
/// of each bid, price against quality, the winner's margin under each price method, how far each
/// section weight can move before the winner changes, and who wins the random weight trials. Each
/// comes with a one-sentence summary and the same numbers as a table. The charts only draw
/// results already computed (<see cref="LotResult"/>, <see cref="LotRobustness"/>); they neither
/// evaluate nor check anything. Bids that are not eligible are left out of the charts that
/// compare ranked bids, and a note names them.
/// </summary>
/// <remarks>
/// Ids: every chart's id starts with <c>idPrefix</c>, by default <c>chart-</c> and the lot's id,
/// so that several lots on one page do not clash; pass a prefix to show one lot twice.
/// </remarks>
public static class EvaluationCharts
{
    private const double Right = Width - 4;

    /// <summary>Every chart of a lot, in the order of this class.</summary>
    public static IReadOnlyList<Chart> For(LotResult lot, LotRobustness robustness, string? idPrefix = null) =>
    [
        SectionPoints(lot, idPrefix),
        PriceAgainstQuality(lot, idPrefix),
        PriceMethodMargins(lot, robustness, idPrefix),
        WeightTipping(lot, robustness, idPrefix),
        RandomWeightTrials(lot, robustness, idPrefix),
    ];

    /// <summary>Stacked bars: each eligible bid's quality points, section by section, against the quality weight.</summary>
    public static Chart SectionPoints(LotResult lot, string? idPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var canvas = new SvgCanvas(ChartId(lot, idPrefix, "section-points"));
        var sections = lot.Lot.Sections;
        var bids = Ranked(lot);
        var notes = Notes(lot);
        var full = lot.Lot.QualitySharePercent;

        for (var s = 0; s < sections.Count; s++)
        {
            var top = canvas.Y;
            canvas.Add(Rect(0, top + 3, 16, 16, canvas.SeriesFill(s)));
            canvas.Paragraph($"{sections[s].Id} {sections[s].Title}", x: 24, size: SmallSize);
            canvas.Y = Math.Max(canvas.Y, top + 22);
        }

        canvas.Y += 10;
        var gridTop = canvas.Y;
        var scaleMax = full > 0 ? (double)full : Math.Max(1, bids.Count == 0 ? 0 : (double)bids.Max(b => b.QualityPoints));
        double Scale(double v) => v / scaleMax * Right;
        if (bids.Count == 0)
        {
            canvas.Paragraph("No bid is eligible, so there are no quality points to compare.");
        }

        foreach (var bid in bids)
        {
            canvas.Paragraph($"{bid.Rank}. {bid.Bid.Provider}: {Rounding.Number(bid.QualityPoints)} quality points");
            canvas.Y += 4;
            canvas.Band(canvas.Y);
            var bar = Element("g", Attr("data-bid", bid.Bid.Id));
            var start = 0m;
            for (var s = 0; s < bid.Sections.Count && s < sections.Count; s++)
            {
                var points = Math.Max(0m, bid.Sections[s].Points);
                var x = Scale((double)start);
                var width = Scale((double)(start + points)) - x;
                bar.Add(Rect(x, canvas.Y, width, BarHeight, canvas.SeriesFill(s), Attr("stroke", White), Attr("stroke-width", 1), Attr("data-section", sections[s].Id)));
                if (Measure(sections[s].Id, SmallSize, bold: true) + 8 <= width)
                {
                    bar.Add(Halo(Text(x + (width / 2), canvas.Y + 16, sections[s].Id, SmallSize, "middle", White, bold: true), Series[s % Series.Length]));
                }

                start += points;
            }

            canvas.Add(bar);
            canvas.Y += BarHeight + 12;
        }

        if (bids.Count > 0)
        {
            // The last tick is full marks, so the scale's end is labelled.
            var ticks = Ticks(0, scaleMax).Where(t => Scale(scaleMax) - Scale(t) >= 30 || t == scaleMax).Append(scaleMax).Distinct()
                .Select(t => (t, Rounding.Number((decimal)t))).ToList();
            canvas.Axis(0, Right, gridTop, ticks, Scale, full > 0 ? $"Quality points; full marks for quality are {Rounding.Number(full)}." : "Quality points.");
        }
        canvas.Notes(notes);

        var table = new ChartTable(
            ["Rank", "Provider", .. sections.Select(s => $"{s.Id} {s.Title}"), "Quality points"],
            [.. bids.Select(b => (IReadOnlyList<string>)[Rank(b), b.Bid.Provider, .. b.Sections.Select(s => Rounding.Number(s.Points)), Rounding.Number(b.QualityPoints)])]);
        return Finish(canvas, lot, "quality points by section", SectionSummary(lot, bids), notes, table);
    }

    /// <summary>A scatter of each eligible bid's evaluated price (across) against its weighted quality (up), numbered by rank.</summary>
    public static Chart PriceAgainstQuality(LotResult lot, string? idPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var canvas = new SvgCanvas(ChartId(lot, idPrefix, "price-quality"));
        var bids = Ranked(lot);
        var notes = Notes(lot);
        const double Left = 46, PlotRight = Width - 14, PlotHeight = 220;

        if (bids.Count == 0)
        {
            canvas.Paragraph("No bid is eligible, so there is nothing to plot.");
            canvas.Notes(notes);
            return Finish(canvas, lot, "price against quality", PriceQualitySummary(bids), notes, new ChartTable(["Rank", "Provider", "Evaluated price", "Quality", "Total of 100"], []));
        }

        canvas.Paragraph("Quality (weighted, % of full marks)", size: SmallSize, fill: Secondary);
        canvas.Y += 14;
        var top = canvas.Y;
        var bottom = top + PlotHeight;

        var prices = bids.Select(b => (double)b.Price.EvaluatedPrice).ToList();
        var (xLow, xHigh, xStep) = Padded(prices.Min(), prices.Max(), 0.15, floor: 0, ceiling: double.MaxValue);
        var qualities = bids.Select(b => (double)b.QualityPercent).ToList();
        var (yLow, yHigh, yStep) = Padded(qualities.Min(), qualities.Max(), 0.25, floor: 0, ceiling: 100, minimumSpan: 20);
        double X(double v) => Left + ((v - xLow) / (xHigh - xLow) * (PlotRight - Left));
        double Y(double v) => bottom - ((v - yLow) / (yHigh - yLow) * PlotHeight);

        foreach (var t in TicksEvery(yLow, yHigh, yStep))
        {
            canvas.Add(Line(Left, Y(t), PlotRight, Y(t), Grid));
            canvas.Add(Text(Left - 6, Y(t) + 5, Rounding.Percent((decimal)t), SmallSize, "end", Secondary));
        }

        canvas.Add(Line(Left, top, Left, bottom, Secondary));

        // The leader last, so that it is drawn on top of a bid at the same place.
        foreach (var bid in bids.OrderBy(b => b.Leading))
        {
            var cx = X((double)bid.Price.EvaluatedPrice);
            var cy = Y((double)bid.QualityPercent);
            var fill = bid.Leading ? DarkBlue : NhsBlue;
            canvas.Add(Element(
                "g",
                Attr("data-bid", bid.Bid.Id),
                Element("circle", Attr("cx", cx), Attr("cy", cy), Attr("r", 12), Attr("fill", fill), Attr("stroke", White), Attr("stroke-width", 2)),
                Text(cx, cy + 5, Rank(bid), SmallSize, "middle", White, bold: true)));
        }

        canvas.Y = bottom;
        var years = lot.Bids.Count > 0 ? lot.Bids[0].Price.Years : lot.Lot.Price.ContractYears;
        var ticks = TicksEvery(xLow, xHigh, xStep).Select(t => (t, CompactMoney(t))).ToList();
        canvas.Axis(Left, PlotRight, top, ticks, X, $"Evaluated price over {years} {(years == 1 ? "year" : "years")}. Higher is better quality; further left is a lower price.");
        canvas.Y += 4;
        foreach (var bid in bids)
        {
            canvas.Paragraph($"{Rank(bid)}. {bid.Bid.Provider}: {Rounding.Percent(bid.QualityPercent)} quality at {Rounding.Money(bid.Price.EvaluatedPrice)}", size: SmallSize);
        }

        canvas.Notes(notes);
        var table = new ChartTable(
            ["Rank", "Provider", "Evaluated price", "Quality", "Total of 100"],
            [.. bids.Select(b => (IReadOnlyList<string>)[Rank(b), b.Bid.Provider, Rounding.Money(b.Price.EvaluatedPrice), Rounding.Percent(b.QualityPercent), Rounding.Number(b.Total ?? 0m)])]);
        return Finish(canvas, lot, "price against quality", PriceQualitySummary(bids), notes, table);
    }

    /// <summary>
    /// Diverging bars: under each price method, how many points the declared winner leads the next
    /// bid by (right of zero) or trails the first by (left). With no declared winner, the lead of
    /// each method's first bid over its second.
    /// </summary>
    public static Chart PriceMethodMargins(LotResult lot, LotRobustness robustness, string? idPrefix = null)
    {
        Check(lot, robustness);
        var canvas = new SvgCanvas(ChartId(lot, idPrefix, "price-methods"));
        var notes = Notes(lot);
        var declared = robustness.WinnerBidId;
        var declaredName = declared is null ? null : Provider(lot, declared);
        var rows = robustness.PriceMethods.Select(o => (Outcome: o, Lead: Lead(o, declared))).ToList();
        notes.AddRange(robustness.PriceMethods.Where(o => o.CeilingFromHighestPrice && o.Ranking.Count > 0)
            .Select(o => $"No ceiling is set for this lot, so {Method(o.Method)} uses the highest eligible price as the ceiling."));

        var leads = rows.Where(r => r.Lead is not null).Select(r => (double)r.Lead!.Value).ToList();
        var low = Math.Min(0, leads.DefaultIfEmpty(0).Min());
        var high = Math.Max(0, leads.DefaultIfEmpty(0).Max());
        if (low == 0 && high == 0)
        {
            high = 1;
        }

        var step = NiceStep((high - low) / 4);
        low = Math.Floor(low / step) * step;
        high = Math.Ceiling(high / step) * step;
        double Scale(double v) => 2 + ((v - low) / (high - low) * (Right - 2));

        var top = canvas.Y;
        foreach (var (outcome, lead) in rows)
        {
            var isDeclared = outcome.Method == lot.Lot.Price.Method;
            canvas.Paragraph($"{Method(outcome.Method)}{(isDeclared ? " (declared)" : string.Empty)}: {MarginPhrase(outcome, declared, declaredName, lead)}");
            canvas.Y += 4;
            if (lead is { } l)
            {
                var value = (double)l;
                var x0 = Scale(Math.Min(0, value));
                var x1 = Scale(Math.Max(0, value));
                var behind = declared is not null && (l < 0 || outcome.WinnerChanges);
                canvas.Band(canvas.Y);
                canvas.Add(Element(
                    "g",
                    Attr("data-method", outcome.Method.ToString()),
                    Rect(x0, canvas.Y, x1 - x0, BarHeight, behind ? DarkPink : NhsBlue, Attr("data-value", Rounding.Number(l)))));
            }

            canvas.Y += BarHeight + 12;
        }

        if (leads.Count > 0)
        {
            foreach (var line in canvas.Through(Scale(0), top, canvas.Y, Ink, 2))
            {
                canvas.Add(line);
            }

            var ticks = TicksEvery(low, high, step).Select(t => (t, Signed(t))).ToList();
            canvas.Axis(2, Right, top, ticks, Scale, declaredName is null
                ? "Points by which each method's first bid leads the second."
                : $"Points by which {declaredName} leads the next bid (right of 0) or trails the first (left of 0).");
        }
        canvas.Notes(notes);

        var table = new ChartTable(
            ["Price method", "Ranking (total of 100)", declaredName is null ? "Lead of the first bid over the second (points)" : $"Lead of {declaredName} (points; negative when behind)", "Winner changes"],
            [.. rows.Select(r => (IReadOnlyList<string>)[
                Method(r.Outcome.Method) + (r.Outcome.Method == lot.Lot.Price.Method ? " (declared)" : string.Empty),
                r.Outcome.Ranking.Count == 0 ? "no eligible bid" : string.Join(", ", r.Outcome.Ranking.Select(b => $"{b.Rank}. {b.Provider} {Rounding.Number(b.Total)}")),
                r.Lead is { } l ? Rounding.Number(l) : "-",
                r.Outcome.WinnerChanges ? "Yes" : "No"])]);
        return Finish(canvas, lot, "the winner's margin under each price method", MarginSummary(lot, robustness, declaredName), notes, table);
    }

    /// <summary>
    /// For each section, a 0–100% track of its share of quality: the declared share, the range
    /// within which the winner holds, and the share at which the winner changes.
    /// </summary>
    public static Chart WeightTipping(LotResult lot, LotRobustness robustness, string? idPrefix = null)
    {
        Check(lot, robustness);
        var canvas = new SvgCanvas(ChartId(lot, idPrefix, "weight-tipping"));
        var notes = Notes(lot);
        var tested = robustness.Sensitivity.Where(t => t.Outcome is TippingOutcome.Changes or TippingOutcome.NoChange).ToList();
        var summary = TippingSummary(robustness);
        double Scale(double v) => 4 + (v / 100 * (Right - 8));

        if (tested.Count == 0)
        {
            canvas.Paragraph(summary, size: SmallSize, fill: Secondary);
        }
        else
        {
            TippingLegend(canvas);
            canvas.Y += 8;
            var top = canvas.Y;
            foreach (var t in tested)
            {
                canvas.Paragraph($"{t.Section.Id} {t.Section.Title}: {TippingPhrase(t)}");
                canvas.Y += 8;
                var y = canvas.Y;
                canvas.Band(y);
                var (holdsFrom, holdsTo) = Holds(t);
                var group = Element(
                    "g",
                    Attr("data-section", t.Section.Id),
                    Rect(Scale(0), y, Scale(100) - Scale(0), BarHeight, PaleGrey),
                    Rect(Scale((double)holdsFrom), y, Scale((double)holdsTo) - Scale((double)holdsFrom), BarHeight, NhsBlue, Attr("data-part", "holds")),
                    Rect(Scale((double)t.FromPercent) - 2.5, y - 5, 5, BarHeight + 10, Ink, Attr("stroke", White), Attr("stroke-width", 1.5), Attr("data-part", "declared")));
                if (t.ToPercent is { } to)
                {
                    var x = Scale((double)to);
                    group.Add(
                        Rect(x - 1.5, y - 2, 3, BarHeight + 4, DarkPink, Attr("data-part", "changes")),
                        Element("path", Attr("d", $"M{Num(x - 7)},{Num(y - 9)} h14 l-7,9 z"), Attr("fill", DarkPink), Attr("stroke", White), Attr("stroke-width", 1)));
                }

                canvas.Add(group);
                canvas.Y += BarHeight + 16;
            }

            var ticks = new[] { 0d, 25, 50, 75, 100 }.Select(v => (v, Rounding.Percent((decimal)v))).ToList();
            canvas.Axis(Scale(0), Scale(100), top, ticks, Scale, "Section's share of quality; the other sections scaled to keep 100%.");
        }

        canvas.Notes(notes);
        var table = new ChartTable(
            ["Section", "Declared share of quality", "Winner holds from", "Winner holds to", "Share at which the winner changes", "New winner"],
            [.. robustness.Sensitivity.Select(t =>
            {
                var tested = t.Outcome is TippingOutcome.Changes or TippingOutcome.NoChange;
                var (from, to) = Holds(t);
                return (IReadOnlyList<string>)[
                    $"{t.Section.Id} {t.Section.Title}",
                    Rounding.Percent(t.FromPercent),
                    tested ? Rounding.Percent(from) : "not tested",
                    tested ? Rounding.Percent(to) : "not tested",
                    t.ToPercent is { } p ? Rounding.Percent(p) : t.Outcome == TippingOutcome.NoChange ? "none from 0% to 100%" : "not tested",
                    t.Outcome == TippingOutcome.Changes ? t.NewWinnerProvider ?? "no single winner" : "-"];
            })]);
        return Finish(canvas, lot, "section weights that would change the winner", summary, notes, table);
    }

    /// <summary>Bars: how many of the random weight trials each bid wins, and how many leave no single winner.</summary>
    public static Chart RandomWeightTrials(LotResult lot, LotRobustness robustness, string? idPrefix = null)
    {
        Check(lot, robustness);
        var canvas = new SvgCanvas(ChartId(lot, idPrefix, "weight-trials"));
        var notes = Notes(lot);
        var trials = robustness.Perturbation;
        var declared = robustness.WinnerBidId;
        var rows = Ranked(lot).Select(b => (Id: (string?)b.Bid.Id, Name: b.Bid.Provider, Wins: trials.WinsByBid.GetValueOrDefault(b.Bid.Id))).ToList();

        // A bid below a minimum quality at the declared weights can pass it, and win, in a trial.
        foreach (var (id, wins) in trials.WinsByBid.Where(w => rows.All(r => r.Id != w.Key)).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            rows.Add((id, $"{Provider(lot, id)} (not eligible at the declared weights)", wins));
        }

        var ties = trials.Samples - trials.WinsByBid.Values.Sum();
        if (ties > 0)
        {
            rows.Add((null, "No single winner", ties));
        }

        notes.Add($"Each trial moves every section weight at random by up to {Rounding.Percent(trials.Range)} of itself (seed {trials.Seed.ToString(CultureInfo.InvariantCulture)}).");
        var scaleMax = Math.Max(1, trials.Samples);
        double Scale(double v) => v / scaleMax * Right;
        var top = canvas.Y;
        if (trials.Samples == 0)
        {
            canvas.Paragraph("No trials were run.");
        }
        else
        {
            foreach (var (id, name, wins) in rows)
            {
                var winner = id is not null && id == declared;
                canvas.Paragraph($"{name}{(winner ? " (declared winner)" : string.Empty)}: {Count(wins)} of {Count(trials.Samples)} ({Rounding.Percent(100m * wins / trials.Samples)})");
                canvas.Y += 4;
                canvas.Band(canvas.Y);
                canvas.Add(Element(
                    "g",
                    Attr("data-bid", id ?? "none"),
                    Rect(0, canvas.Y, Scale(wins), BarHeight, winner ? NhsBlue : MidGrey, Attr("data-value", wins.ToString(CultureInfo.InvariantCulture)))));
                canvas.Y += BarHeight + 12;
            }

            var ticks = Ticks(0, trials.Samples, 4).Select(t => (t, Count((int)Math.Round(t)))).ToList();
            canvas.Axis(0, Right, top, ticks, Scale, $"Trials won, of {Count(trials.Samples)}.");
        }

        canvas.Notes(notes);
        var table = new ChartTable(
            ["Provider", "Trials won", "Share of trials"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Count(r.Wins), trials.Samples == 0 ? "-" : Rounding.Percent(100m * r.Wins / trials.Samples)])]);
        return Finish(canvas, lot, "random weight trials won", TrialsSummary(lot, robustness, rows), notes, table);
    }

    private static Chart Finish(SvgCanvas canvas, LotResult lot, string what, string summary, List<string> notes, ChartTable table)
    {
        var title = $"{lot.Lot.Title}: {what}";
        var description = string.Join(" ", [summary, .. notes]);
        return new Chart(canvas.Id, title, summary, notes, canvas.Render(title, description), table);
    }

    private static string ChartId(LotResult lot, string? idPrefix, string kind) => SafeId((idPrefix ?? "chart-" + lot.Lot.Id) + "-" + kind);

    private static void Check(LotResult lot, LotRobustness robustness)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(robustness);
        if (robustness.Lot.Id != lot.Lot.Id)
        {
            throw new ArgumentException($"The robustness is for lot {robustness.Lot.Id}, not lot {lot.Lot.Id}.", nameof(robustness));
        }
    }

    /// <summary>The eligible bids in rank order (the result lists them first, in that order).</summary>
    private static List<BidResult> Ranked(LotResult lot) => [.. lot.Bids.Where(b => b.Rank is not null)];

    private static string Rank(BidResult bid) => bid.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Provider(LotResult lot, string bidId) => lot.Bids.FirstOrDefault(b => b.Bid.Id == bidId)?.Bid.Provider ?? bidId;

    /// <summary>Gives a text an outline of the colour behind it, so that it reads over a pattern.</summary>
    private static XElement Halo(XElement text, string colour)
    {
        text.Add(Attr("stroke", colour), Attr("stroke-width", 3), Attr("paint-order", "stroke"));
        return text;
    }

    /// <summary>A range around the values, padded by a share of their spread (or of their size when they are equal) and kept within the limits.</summary>
    private static (double Low, double High, double Step) Padded(double min, double max, double share, double floor, double ceiling, double minimumSpan = 0)
    {
        var pad = max > min ? (max - min) * share : Math.Max(Math.Abs(max) * 0.1, 1);
        var low = Math.Max(floor, min - pad);
        var high = Math.Min(ceiling, max + pad);
        if (high - low < minimumSpan)
        {
            var middle = (low + high) / 2;
            low = Math.Max(floor, middle - (minimumSpan / 2));
            high = Math.Min(ceiling, low + minimumSpan);
            low = Math.Max(floor, high - minimumSpan);
        }

        var step = NiceStep((high - low) / 4);
        return (Math.Max(floor, Math.Floor(low / step) * step), Math.Min(ceiling, Math.Ceiling(high / step) * step), step);
    }

    private static string SectionSummary(LotResult lot, List<BidResult> bids)
    {
        if (bids.Count == 0)
        {
            return "No bid is eligible, so there are no quality points to compare.";
        }

        var full = Rounding.Number(lot.Lot.QualitySharePercent);
        if (bids.Count == 1)
        {
            return $"{bids[0].Bid.Provider} is the only eligible bid, with {Rounding.Number(bids[0].QualityPoints)} of {full} quality points.";
        }

        var best = bids.Max(b => b.QualityPoints);
        var leaders = bids.Where(b => b.QualityPoints == best).ToList();
        var names = List([.. leaders.Select(b => b.Bid.Provider)]);
        var opening = leaders.Count == 1
            ? $"{names} has the most quality points ({Rounding.Number(best)} of {full})"
            : $"{names} share the most quality points ({Rounding.Number(best)} of {full})";
        var sections = lot.Lot.Sections;
        if (leaders.Count > 1 || sections.Count < 2)
        {
            return opening + ".";
        }

        var leader = leaders[0];
        var exceptions = new List<string>();
        for (var s = 0; s < sections.Count; s++)
        {
            var top = bids.Max(b => b.Sections[s].Points);
            if (leader.Sections[s].Points < top)
            {
                var ahead = bids.Where(b => b.Sections[s].Points == top).Select(b => b.Bid.Provider).ToList();
                exceptions.Add($"{sections[s].Id} {sections[s].Title}, where {List(ahead)} {(ahead.Count == 1 ? "leads" : "lead")}");
            }
        }

        return exceptions.Count == 0 ? $"{opening} and leads in every section."
            : exceptions.Count == sections.Count ? $"{opening} but leads in no single section."
            : $"{opening} and leads in every section but {(exceptions.Count == 1 ? exceptions[0] : string.Join(", ", exceptions.Take(exceptions.Count - 1)) + ", and " + exceptions[^1])}.";
    }

    private static string PriceQualitySummary(List<BidResult> bids)
    {
        if (bids.Count == 0)
        {
            return "No bid is eligible, so there are no prices and qualities to compare.";
        }

        if (bids.Count == 1)
        {
            return $"{bids[0].Bid.Provider} is the only eligible bid: {Rounding.Percent(bids[0].QualityPercent)} quality at {Rounding.Money(bids[0].Price.EvaluatedPrice)}.";
        }

        var bestQuality = bids.Max(b => b.QualityPercent);
        var lowestPrice = bids.Min(b => b.Price.EvaluatedPrice);
        var best = bids.Where(b => b.QualityPercent == bestQuality).Select(b => b.Bid.Provider).ToList();
        var cheapest = bids.Where(b => b.Price.EvaluatedPrice == lowestPrice).Select(b => b.Bid.Provider).ToList();
        if (best.Count == 1 && cheapest.Count == 1 && best[0] == cheapest[0])
        {
            return $"{best[0]} has both the highest quality ({Rounding.Percent(bestQuality)}) and the lowest price ({Rounding.Money(lowestPrice)}).";
        }

        return $"{List(best)} {(best.Count == 1 ? "has" : "share")} the highest quality ({Rounding.Percent(bestQuality)}) and {List(cheapest)} the lowest price ({Rounding.Money(lowestPrice)}).";
    }

    /// <summary>The declared winner's total minus the best other total; with no declared winner, the first total minus the second. Null with fewer than two bids ranked, or when the declared winner is not ranked.</summary>
    private static decimal? Lead(PriceMethodOutcome outcome, string? declared)
    {
        var ranking = outcome.Ranking;
        if (ranking.Count < 2)
        {
            return null;
        }

        if (declared is null)
        {
            return ranking[0].Total - ranking[1].Total;
        }

        var own = ranking.FirstOrDefault(r => r.BidId == declared);
        return own is null ? null : own.Total - ranking.Where(r => r.BidId != declared).Max(r => r.Total);
    }

    private static string MarginPhrase(PriceMethodOutcome outcome, string? declared, string? declaredName, decimal? lead)
    {
        var ranking = outcome.Ranking;
        if (ranking.Count == 0)
        {
            return "no eligible bid.";
        }

        if (ranking.Count == 1)
        {
            return $"{ranking[0].Provider} is the only eligible bid.";
        }

        var firsts = ranking.Where(r => r.Rank == 1).Select(r => r.Provider).ToList();
        var first = outcome.WinnerBidId is null ? $"{List(firsts)} tie for first" : $"{ranking.First(r => r.BidId == outcome.WinnerBidId).Provider} is first";
        if (lead is not { } l)
        {
            return first + ".";
        }

        var points = Rounding.Number(Math.Abs(l));
        if (declared is null || outcome.WinnerBidId == declared)
        {
            return outcome.WinnerBidId is null ? first + "." : $"{first} by {points} points.";
        }

        return l < 0 ? $"{first}; {declaredName} is {points} points behind." : $"{first}; {declaredName} is not first.";
    }

    private static string MarginSummary(LotResult lot, LotRobustness robustness, string? declaredName)
    {
        var methods = robustness.PriceMethods;
        if (methods.All(o => o.Ranking.Count == 0))
        {
            return "No bid is eligible, so there is no ranking under any price method.";
        }

        if (declaredName is null)
        {
            return $"There is no single winner under the declared method ({Method(lot.Lot.Price.Method)}), so the chart shows the lead of the first bid under each method.";
        }

        var changes = methods.Where(o => o.WinnerChanges).ToList();
        if (changes.Count == 0)
        {
            return $"{declaredName} stays first under every price method.";
        }

        var others = changes.Select(o => $"under {Method(o.Method)} {(o.WinnerBidId is { } w ? Provider(lot, w) + " wins" : "no single bid wins")}").ToList();
        return $"{declaredName} is first under {methods.Count - changes.Count} of {methods.Count} price methods; {List(others)}.";
    }

    /// <summary>The range of the section's share within which the winner holds: within the smallest change that changes it, either way; all of it when none does.</summary>
    private static (decimal From, decimal To) Holds(WeightTipping tipping) => tipping.Outcome switch
    {
        TippingOutcome.NoChange => (0m, 100m),
        TippingOutcome.Changes when tipping.Change is { } c => (Math.Max(0m, tipping.FromPercent - Math.Abs(c)), Math.Min(100m, tipping.FromPercent + Math.Abs(c))),
        _ => (tipping.FromPercent, tipping.FromPercent),
    };

    private static string TippingPhrase(WeightTipping tipping) => tipping.Outcome == TippingOutcome.Changes
        ? $"declared {Rounding.Percent(tipping.FromPercent)}; at {Rounding.Percent(tipping.ToPercent ?? 0m)} {(tipping.NewWinnerProvider is { } p ? p + " wins" : "there is no single winner")}."
        : $"declared {Rounding.Percent(tipping.FromPercent)}; no share from 0% to 100% changes the winner.";

    private static string TippingSummary(LotRobustness robustness)
    {
        var sensitivity = robustness.Sensitivity;
        if (sensitivity.Count == 0)
        {
            return "The lot has no sections, so there is no weight to move.";
        }

        if (sensitivity.Any(t => t.Outcome == TippingOutcome.NoSingleWinner))
        {
            return "There is no single winner, so no section weight is tested.";
        }

        if (sensitivity.Any(t => t.Outcome == TippingOutcome.OneSection))
        {
            return "The lot has one section, so its weight cannot change.";
        }

        var closest = sensitivity.Where(t => t.Outcome == TippingOutcome.Changes && t.Change is not null).OrderBy(t => Math.Abs(t.Change!.Value)).FirstOrDefault();
        if (closest is null)
        {
            return "No change to any one section's weight, from 0% to 100% of quality, changes the winner.";
        }

        return $"The closest call is {closest.Section.Id} {closest.Section.Title}: moving it from {Rounding.Percent(closest.FromPercent)} to {Rounding.Percent(closest.ToPercent ?? 0m)} of quality "
            + $"({Rounding.Number(Math.Abs(closest.Change!.Value))} percentage points) {(closest.NewWinnerProvider is { } p ? "makes " + p + " the winner" : "leaves no single winner")}.";
    }

    private static void TippingLegend(SvgCanvas canvas)
    {
        var y = canvas.Y;
        canvas.Add(Rect(0, y + 3, 22, 14, NhsBlue));
        canvas.Paragraph("Range in which the winner holds", x: 30, size: SmallSize);
        y = canvas.Y + 2;
        canvas.Add(Rect(9, y, 5, 20, Ink));
        canvas.Paragraph("Declared share", x: 30, size: SmallSize);
        canvas.Y += 4;
        y = canvas.Y;
        canvas.Add(Element("path", Attr("d", $"M{Num(4)},{Num(y + 3)} h14 l-7,9 z"), Attr("fill", DarkPink)));
        canvas.Add(Rect(9.5, y + 10, 3, 10, DarkPink));
        canvas.Paragraph("Share at which the winner changes", x: 30, size: SmallSize);
    }

    private static string TrialsSummary(LotResult lot, LotRobustness robustness, List<(string? Id, string Name, int Wins)> rows)
    {
        var trials = robustness.Perturbation;
        if (trials.Samples == 0)
        {
            return "No random weight trials were run.";
        }

        var total = Count(trials.Samples);
        if (robustness.WinnerBidId is { } declared)
        {
            var held = trials.WinsByBid.GetValueOrDefault(declared);
            var others = rows.Where(r => r.Id != declared && r.Wins > 0)
                .Select(r => r.Id is null ? $"no single bid {Count(r.Wins)}" : $"{r.Name} {Count(r.Wins)}")
                .ToList();
            return $"{Provider(lot, declared)} wins {Count(held)} of {total} trials{(others.Count == 0 ? string.Empty : ", " + List(others))}.";
        }

        var most = rows.Where(r => r.Id is not null && r.Wins > 0).OrderByDescending(r => r.Wins).FirstOrDefault();
        return most.Id is null
            ? $"There is no single declared winner, and no bid wins any of the {total} trials."
            : $"There is no single declared winner; across {total} trials {most.Name} wins most often ({Count(most.Wins)}).";
    }
}
