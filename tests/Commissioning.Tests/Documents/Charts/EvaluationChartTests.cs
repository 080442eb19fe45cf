using System.Globalization;
using System.Xml.Linq;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using Commissioning.Core.Evaluation;
using Commissioning.Documents.Charts;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Commissioning.Tests.Documents.Charts;

/// <summary>
/// The SVG charts of an evaluation: each is valid, self-contained, labelled XML; bars and points
/// sit where the numbers put them; the table and the summary say the same numbers; data is escaped;
/// and awkward results (no eligible bid, one bid, one section, zero prices, a tie) draw without
/// throwing.
/// </summary>
public sealed class EvaluationChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The width the bars are drawn across (the SVG's coordinate space less a margin).</summary>
    private const double Across = 376;

    private static XDocument Parse(Chart chart) => XDocument.Parse(chart.Svg);

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static XElement Group(XDocument svg, string attribute, string value) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute(attribute) == value);

    private static IEnumerable<Chart> AllExampleCharts() => ChartCases.Example().SelectMany(e => EvaluationCharts.For(e.Lot, e.Robustness));

    [Test]
    public void EveryChart_IsSelfContainedSvg_LabelledByItsTitleAndDescription()
    {
        var charts = AllExampleCharts().ToList();
        Assert.That(charts, Has.Count.EqualTo(10));
        foreach (var chart in charts)
        {
            var svg = Parse(chart).Root!;
            var ids = svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(svg.Name, Is.EqualTo(Svg + "svg"), chart.Id);
                Assert.That((string?)svg.Attribute("role"), Is.EqualTo("img"));
                Assert.That((string?)svg.Attribute("width"), Is.EqualTo("100%"));
                Assert.That((string?)svg.Attribute("viewBox"), Does.Match(@"^0 0 380 \d+$"));
                Assert.That((string?)svg.Attribute("font-family"), Is.EqualTo("Frutiger W01, Arial, sans-serif"));
                Assert.That((string?)svg.Attribute("aria-labelledby"), Is.EqualTo($"{chart.Id}-title {chart.Id}-desc"));
                Assert.That(svg.Element(Svg + "title")!.Value, Is.EqualTo(chart.Title));
                Assert.That((string?)svg.Element(Svg + "title")!.Attribute("id"), Is.EqualTo(chart.Id + "-title"));
                Assert.That(svg.Element(Svg + "desc")!.Value, Does.StartWith(chart.Summary));
                Assert.That((string?)svg.Element(Svg + "desc")!.Attribute("id"), Is.EqualTo(chart.Id + "-desc"));
                Assert.That(ids, Is.Unique);
                Assert.That(ids, Has.All.StartWith(chart.Id));

                // Nothing a style-src 'self' policy would block, no script, nothing fetched.
                Assert.That(svg.DescendantsAndSelf().Where(e => e.Attribute("style") is not null), Is.Empty, "style attribute");
                Assert.That(svg.DescendantsAndSelf().Select(e => e.Name.LocalName), Has.None.AnyOf("style", "script", "foreignObject", "image", "use", "a"));
                Assert.That(svg.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName == "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)), Is.Empty);
                foreach (var reference in svg.DescendantsAndSelf().Attributes().Where(a => a.Value.Contains("url(", StringComparison.Ordinal)))
                {
                    Assert.That(reference.Value, Does.Match(@"^url\(#[A-Za-z0-9_-]+\)$"));
                    Assert.That(ids, Does.Contain(reference.Value[5..^1]));
                }

                Assert.That(svg.Descendants(Svg + "text").Select(t => Number(t, "font-size")), Has.All.GreaterThanOrEqualTo(14), "readable when scaled to a 360 px screen");
                Assert.That(chart.Table.Rows.Select(r => r.Count), Has.All.EqualTo(chart.Table.Headers.Count));
            });
        }
    }

    [Test]
    public void BarsAndMarkers_StandOutFromThePage_AndSectionColoursCarryWhiteText()
    {
        static double Luminance(string hex)
        {
            static double Channel(int v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow(((v / 255.0) + 0.055) / 1.055, 2.4);
            var rgb = Convert.FromHexString(hex[1..]);
            return (0.2126 * Channel(rgb[0])) + (0.7152 * Channel(rgb[1])) + (0.0722 * Channel(rgb[2]));
        }

        static double AgainstWhite(string hex) => 1.05 / (Luminance(hex) + 0.05);

        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        foreach (var svg in AllExampleCharts().Concat(EvaluationCharts.For(lot, robustness)).Select(Parse))
        {
            // Everything drawn for a bid, method or section, except the pale track behind a weight's range.
            var marks = svg.Descendants(Svg + "g").Descendants().Where(e => e.Name != Svg + "text")
                .Select(e => (string?)e.Attribute("fill")).OfType<string>().Where(f => f.StartsWith('#') && f != "#e8edee").ToList();
            Assert.That(marks, Is.Not.Empty);
            Assert.That(marks.Select(AgainstWhite), Has.All.GreaterThanOrEqualTo(3.0), string.Join(", ", marks.Distinct()));
            var segments = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-section") is not null).Select(r => (string)r.Attribute("fill")!).ToList();
            var colours = segments.Select(f => f.StartsWith('#') ? f : (string)svg.Descendants(Svg + "pattern").Single(p => (string?)p.Attribute("id") == f[5..^1]).Element(Svg + "rect")!.Attribute("fill")!).ToList();
            Assert.That(colours.Select(AgainstWhite), Has.All.GreaterThanOrEqualTo(4.5), string.Join(", ", colours.Distinct()));
        }
    }

    [Test]
    public void Ids_DifferBetweenLots_AndFollowAGivenPrefix()
    {
        var ids = AllExampleCharts().SelectMany(c => Parse(c).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()).ToList();
        Assert.That(ids, Is.Unique);

        var (lot, robustness) = ChartCases.ExampleLot("lot-1");
        var charts = EvaluationCharts.For(lot, robustness, "tender 7/lot 1");
        Assert.That(charts.Select(c => c.Id), Is.EqualTo(new[]
        {
            "tender-7-lot-1-section-points", "tender-7-lot-1-price-quality", "tender-7-lot-1-price-methods",
            "tender-7-lot-1-weight-tipping", "tender-7-lot-1-weight-trials",
        }));
        Assert.That(EvaluationCharts.SectionPoints(lot).Id, Is.EqualTo("chart-lot-1-section-points"));
    }

    [Test]
    public void Charts_AreTheSameEveryTime()
    {
        var (lot, robustness) = ChartCases.ExampleLot("lot-1");
        var first = EvaluationCharts.For(lot, robustness).Select(c => c.Svg).ToList();
        var second = EvaluationCharts.For(lot, robustness).Select(c => c.Svg).ToList();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void SectionPoints_SegmentsAreProportionalToPoints_AndTheLongestBarIsTheMostPoints()
    {
        var (lot, _) = ChartCases.ExampleLot("lot-1");
        var svg = Parse(EvaluationCharts.SectionPoints(lot));
        var ranked = lot.Bids.Where(b => b.Rank is not null).ToList();
        var perPoint = Across / (double)lot.Lot.QualitySharePercent;
        var lengths = new Dictionary<string, double>();
        foreach (var bid in ranked)
        {
            var segments = Group(svg, "data-bid", bid.Bid.Id).Elements(Svg + "rect").ToList();
            Assert.That(segments.Select(s => (string?)s.Attribute("data-section")), Is.EqualTo(lot.Lot.Sections.Select(s => s.Id)));
            for (var s = 0; s < segments.Count; s++)
            {
                Assert.That(Number(segments[s], "width"), Is.EqualTo((double)bid.Sections[s].Points * perPoint).Within(0.02), $"{bid.Bid.Id} {segments[s].Attribute("data-section")}");
                if (s > 0)
                {
                    // Stacked: each segment starts where the one before ends.
                    Assert.That(Number(segments[s], "x"), Is.EqualTo(Number(segments[s - 1], "x") + Number(segments[s - 1], "width")).Within(0.02));
                }
            }

            lengths[bid.Bid.Id] = segments.Sum(s => Number(s, "width"));
        }

        var most = ranked.MaxBy(b => b.QualityPoints)!.Bid.Id;
        Assert.That(lengths.MaxBy(l => l.Value).Key, Is.EqualTo(most));
        var first = Group(svg, "data-bid", "bid-a").Elements(Svg + "rect").ToList();
        Assert.That(Number(first[0], "width") / Number(first[1], "width"), Is.EqualTo((double)(ranked[0].Sections[0].Points / ranked[0].Sections[1].Points)).Within(0.001));
    }

    [Test]
    public void SectionPoints_TableAndSummary_GiveTheResultsNumbers_AndNameTheExcludedBid()
    {
        var (lot, _) = ChartCases.ExampleLot("lot-1");
        var chart = EvaluationCharts.SectionPoints(lot);
        Assert.Multiple(() =>
        {
            Assert.That(chart.Table.Headers, Is.EqualTo(new[]
            {
                "Rank", "Provider", "s1 Core services and clinical quality", "s2 Workforce and specialist expertise",
                "s3 Information, access and data", "s4 Social value and net zero", "Quality points",
            }));
            Assert.That(chart.Table.Rows, Is.EqualTo(new[]
            {
                new[] { "1", "Northgate Occupational Health Ltd", "23.1", "14.88", "11.55", "7.88", "57.4" },
                new[] { "2", "Beacon OH Partnership", "19.25", "12.03", "10.5", "5.25", "47.03" },
                new[] { "3", "Meridian Workplace Health LLP", "17.5", "8.75", "9.45", "6.56", "42.26" },
            }));
            Assert.That(chart.Summary, Is.EqualTo("Northgate Occupational Health Ltd has the most quality points (57.4 of 70) and leads in every section."));
            Assert.That(chart.Notes, Is.EqualTo(new[] { "Northfield Staff Health Service (Northfield NHS Foundation Trust) is not shown: excluded, a gate was failed." }));
            Assert.That(chart.Svg, Does.Not.Contain("data-bid=\"bid-c\""));
        });

        var (lot2, _) = ChartCases.ExampleLot("lot-2");
        Assert.That(EvaluationCharts.SectionPoints(lot2).Summary, Is.EqualTo(
            "Primacy Occupational Health CIC has the most quality points (49.13 of 60) and leads in every section but s3 Social value and net zero, where Northgate Occupational Health Ltd leads."));
    }

    [Test]
    public void PriceAgainstQuality_PutsEachBidAtItsPriceAndQuality()
    {
        var (lot, _) = ChartCases.ExampleLot("lot-1");
        var chart = EvaluationCharts.PriceAgainstQuality(lot);
        var svg = Parse(chart);
        var ranked = lot.Bids.Where(b => b.Rank is not null).ToList();
        var points = ranked.Select(b => (Bid: b, Circle: Group(svg, "data-bid", b.Bid.Id).Element(Svg + "circle")!)).ToList();

        // Positions are linear in price (across) and quality (up: smaller y).
        var (a, b) = (points[0], points[2]);
        var perPound = (Number(a.Circle, "cx") - Number(b.Circle, "cx")) / (double)(a.Bid.Price.EvaluatedPrice - b.Bid.Price.EvaluatedPrice);
        var perPercent = (Number(a.Circle, "cy") - Number(b.Circle, "cy")) / (double)(a.Bid.QualityPercent - b.Bid.QualityPercent);
        Assert.That(perPound, Is.GreaterThan(0));
        Assert.That(perPercent, Is.LessThan(0));
        foreach (var (bid, circle) in points)
        {
            Assert.That(Number(circle, "cx") - Number(b.Circle, "cx"), Is.EqualTo((double)(bid.Price.EvaluatedPrice - b.Bid.Price.EvaluatedPrice) * perPound).Within(0.05));
            Assert.That(Number(circle, "cy") - Number(b.Circle, "cy"), Is.EqualTo((double)(bid.QualityPercent - b.Bid.QualityPercent) * perPercent).Within(0.05));
            Assert.That(circle.Parent!.Element(Svg + "text")!.Value, Is.EqualTo(bid.Rank!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(chart.Table.Rows[0], Is.EqualTo(new[] { "1", "Northgate Occupational Health Ltd", "£6,035,000.00", "82%", "82.23" }));
            Assert.That(chart.Table.Rows.Select(r => r[2]), Is.EqualTo(ranked.Select(r => Rounding.Money(r.Price.EvaluatedPrice))));
            Assert.That(chart.Table.Rows.Select(r => r[3]), Is.EqualTo(ranked.Select(r => Rounding.Percent(r.QualityPercent))));
            Assert.That(chart.Summary, Is.EqualTo("Northgate Occupational Health Ltd has the highest quality (82%) and Meridian Workplace Health LLP the lowest price (£4,995,000.00)."));
        });

        var (lot2, _) = ChartCases.ExampleLot("lot-2");
        Assert.That(EvaluationCharts.PriceAgainstQuality(lot2).Summary, Is.EqualTo("Primacy Occupational Health CIC has both the highest quality (81.88%) and the lowest price (£414,000.00)."));
    }

    [Test]
    public void PriceMethodMargins_BarsRunFromZeroByTheWinnersLead()
    {
        var (lot, robustness) = ChartCases.ExampleLot("lot-1");
        var chart = EvaluationCharts.PriceMethodMargins(lot, robustness);
        var svg = Parse(chart);
        var leads = robustness.PriceMethods.ToDictionary(
            o => o.Method,
            o => o.Ranking.Single(r => r.BidId == robustness.WinnerBidId).Total - o.Ranking.Where(r => r.BidId != robustness.WinnerBidId).Max(r => r.Total));
        Assert.That((double)leads[Core.Tenders.PriceMethod.Linear], Is.EqualTo(57.4 - 72.26).Within(0.01));

        var bars = leads.ToDictionary(l => l.Key, l => Group(svg, "data-method", l.Key.ToString()).Element(Svg + "rect")!);
        var perPoint = Number(bars[Core.Tenders.PriceMethod.Proportional], "width") / (double)leads[Core.Tenders.PriceMethod.Proportional];
        var zero = Number(bars[Core.Tenders.PriceMethod.Proportional], "x");
        foreach (var (method, lead) in leads)
        {
            var bar = bars[method];
            Assert.That(Number(bar, "width"), Is.EqualTo(Math.Abs((double)lead) * perPoint).Within(0.02), method.ToString());
            Assert.That(lead > 0 ? Number(bar, "x") : Number(bar, "x") + Number(bar, "width"), Is.EqualTo(zero).Within(0.02), method.ToString());
            Assert.That((string?)bar.Attribute("data-value"), Is.EqualTo(Rounding.Number(lead)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(chart.Summary, Is.EqualTo("Northgate Occupational Health Ltd is first under 3 of 4 price methods; under linear to a ceiling Meridian Workplace Health LLP wins."));
            Assert.That(chart.Table.Rows.Select(r => r[2]), Is.EqualTo(robustness.PriceMethods.Select(o => Rounding.Number(leads[o.Method]))));
            Assert.That(chart.Table.Rows[0], Is.EqualTo(new[]
            {
                "proportional (declared)", "1. Northgate Occupational Health Ltd 82.23, 2. Beacon OH Partnership 72.85, 3. Meridian Workplace Health LLP 72.26", "9.38", "No",
            }));
            Assert.That(chart.Table.Rows[1][3], Is.EqualTo("Yes"));
            Assert.That(chart.Notes, Does.Contain("No ceiling is set for this lot, so linear to a ceiling uses the highest eligible price as the ceiling."));
        });

        var (lot2, robustness2) = ChartCases.ExampleLot("lot-2");
        Assert.That(EvaluationCharts.PriceMethodMargins(lot2, robustness2).Summary, Does.StartWith("Primacy Occupational Health CIC "));
    }

    [Test]
    public void WeightTipping_WithNoTippingPoint_ShowsTheWinnerHoldingAcrossTheWholeRange()
    {
        var (lot, robustness) = ChartCases.ExampleLot("lot-1");
        var chart = EvaluationCharts.WeightTipping(lot, robustness);
        var svg = Parse(chart);
        Assert.That(robustness.Sensitivity.Select(t => t.Outcome), Has.All.EqualTo(TippingOutcome.NoChange));
        foreach (var tipping in robustness.Sensitivity)
        {
            var group = Group(svg, "data-section", tipping.Section.Id);
            var holds = group.Elements(Svg + "rect").Single(r => (string?)r.Attribute("data-part") == "holds");
            var declared = group.Elements(Svg + "rect").Single(r => (string?)r.Attribute("data-part") == "declared");
            Assert.That(Number(holds, "width"), Is.EqualTo(Across - 8).Within(0.02));
            Assert.That(Number(declared, "x") + 2.5 - Number(holds, "x"), Is.EqualTo((double)tipping.FromPercent / 100 * (Across - 8)).Within(0.02));
            Assert.That(group.Elements(Svg + "rect").Where(r => (string?)r.Attribute("data-part") == "changes"), Is.Empty);
        }

        Assert.That(chart.Summary, Is.EqualTo("No change to any one section's weight, from 0% to 100% of quality, changes the winner."));
        Assert.That(chart.Table.Rows[0], Is.EqualTo(new[] { "s1 Core services and clinical quality", "40%", "0%", "100%", "none from 0% to 100%", "-" }));
    }

    [Test]
    public void WeightTipping_MarksTheDeclaredShareAndTheShareAtWhichTheWinnerChanges()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        var chart = EvaluationCharts.WeightTipping(lot, robustness);
        var svg = Parse(chart);
        var changes = robustness.Sensitivity.Where(t => t.Outcome == TippingOutcome.Changes).ToList();
        Assert.That(changes, Is.Not.Empty, "the case needs a tipping point");
        var closest = changes.MinBy(t => Math.Abs(t.Change!.Value))!;
        double At(decimal percent) => 4 + ((double)percent / 100 * (Across - 8));
        foreach (var tipping in changes)
        {
            var parts = Group(svg, "data-section", tipping.Section.Id).Elements(Svg + "rect").ToDictionary(r => (string?)r.Attribute("data-part") ?? "track");
            var reach = Math.Abs(tipping.Change!.Value);
            Assert.That(Number(parts["declared"], "x") + 2.5, Is.EqualTo(At(tipping.FromPercent)).Within(0.02));
            Assert.That(Number(parts["changes"], "x") + 1.5, Is.EqualTo(At(tipping.ToPercent!.Value)).Within(0.02));
            Assert.That(Number(parts["holds"], "x"), Is.EqualTo(At(Math.Max(0, tipping.FromPercent - reach))).Within(0.02));
            Assert.That(Number(parts["holds"], "x") + Number(parts["holds"], "width"), Is.EqualTo(At(Math.Min(100, tipping.FromPercent + reach))).Within(0.02));
        }

        Assert.That(chart.Summary, Is.EqualTo(
            $"The closest call is {closest.Section.Id} {closest.Section.Title}: moving it from {Rounding.Percent(closest.FromPercent)} to {Rounding.Percent(closest.ToPercent!.Value)} of quality "
            + $"({Rounding.Number(Math.Abs(closest.Change!.Value))} percentage points) makes {closest.NewWinnerProvider} the winner."));
        var row = chart.Table.Rows[robustness.Sensitivity.ToList().IndexOf(closest)];
        Assert.That(row[4], Is.EqualTo(Rounding.Percent(closest.ToPercent!.Value)));
        Assert.That(row[5], Is.EqualTo(closest.NewWinnerProvider));
    }

    [Test]
    public void RandomWeightTrials_BarsAreProportionalToTrialsWon()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        var chart = EvaluationCharts.RandomWeightTrials(lot, robustness);
        var svg = Parse(chart);
        var trials = robustness.Perturbation;
        var winner = robustness.WinnerBidId!;
        foreach (var bid in lot.Bids.Where(b => b.Rank is not null))
        {
            var bar = Group(svg, "data-bid", bid.Bid.Id).Element(Svg + "rect")!;
            Assert.That(Number(bar, "width"), Is.EqualTo(trials.WinsByBid.GetValueOrDefault(bid.Bid.Id) * Across / trials.Samples).Within(0.02));
        }

        var held = trials.WinsByBid[winner];
        Assert.That(held, Is.EqualTo(trials.WinnerHeld));
        Assert.That(chart.Summary, Does.StartWith($"Provider B wins {held} of 200 trials"));
        Assert.That(chart.Table.Rows[0], Is.EqualTo(new[] { "Provider B", held.ToString(CultureInfo.InvariantCulture), Rounding.Percent(100m * held / 200) }));

        var (example, exampleRobustness) = ChartCases.ExampleLot("lot-1");
        Assert.That(EvaluationCharts.RandomWeightTrials(example, exampleRobustness).Summary, Is.EqualTo("Northgate Occupational Health Ltd wins 1,000 of 1,000 trials."));
    }

    [Test]
    public void RandomWeightTrials_CountTrialsWithNoSingleWinner()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        var wins = new Dictionary<string, int>(StringComparer.Ordinal) { ["b"] = 962, ["a"] = 30 };
        var trials = robustness with { Perturbation = robustness.Perturbation with { Samples = 1000, WinnerHeld = 962, WinsByBid = wins } };
        var chart = EvaluationCharts.RandomWeightTrials(lot, trials);
        Assert.That(chart.Summary, Is.EqualTo("Provider B wins 962 of 1,000 trials, Provider A 30 and no single bid 8."));
        Assert.That(chart.Table.Rows[^1], Is.EqualTo(new[] { "No single winner", "8", "0.8%" }));
        Assert.That(Number(Group(Parse(chart), "data-bid", "none").Element(Svg + "rect")!, "width"), Is.EqualTo(8 * Across / 1000).Within(0.02));
    }

    [Test]
    public void DataFromTheTender_IsEscaped_AndCannotAddMarkup()
    {
        var hostileSection = "<b onmouseover=\"x()\">Access</b> & 'data'";
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close(ChartCases.Hostile, hostileSection));
        foreach (var chart in EvaluationCharts.For(lot, robustness, "<x y=\"1\">"))
        {
            var svg = Parse(chart);
            Assert.That(chart.Svg, Does.Not.Contain("<script").And.Not.Contain("<b ").And.Not.Contain("<x"), chart.Id);
            Assert.That(svg.Descendants().Select(e => e.Name.LocalName), Has.None.AnyOf("script", "b", "x"));
            Assert.That(chart.Id, Does.Match("^[A-Za-z][A-Za-z0-9_-]*$"));
        }

        var sections = EvaluationCharts.SectionPoints(lot);
        var texts = Parse(sections).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.That(string.Join(" ", texts), Does.Contain("<script>alert(1)</script>").And.Contain(hostileSection));
        Assert.That(sections.Svg, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
        Assert.That(sections.Table.Rows.Select(r => r[1]), Does.Contain(ChartCases.Hostile), "the table holds the plain text, for the page to escape");
    }

    [Test]
    public void NoEligibleBid_DrawsEveryChartAndSaysSo()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.OneSection(90m, ("a", 2m, 100m), ("b", 3m, 120m)));
        Assert.That(lot.EligibleCount, Is.Zero);
        var charts = EvaluationCharts.For(lot, robustness);
        foreach (var chart in charts)
        {
            Assert.That(() => Parse(chart), Throws.Nothing);
            Assert.That(chart.Svg, Does.Not.Contain("data-bid=\"a\"").And.Not.Contain("data-bid=\"b\""), chart.Id);
        }

        foreach (var chart in charts.Take(4))
        {
            Assert.That(Parse(chart).Descendants(Svg + "line"), Is.Empty, "no axis without anything to measure: " + chart.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(charts[0].Summary, Is.EqualTo("No bid is eligible, so there are no quality points to compare."));
            Assert.That(charts[0].Table.Rows, Is.Empty);
            Assert.That(charts[0].Notes, Does.Contain("Provider A is not shown: excluded, a minimum threshold was not met."));
            Assert.That(charts[1].Summary, Is.EqualTo("No bid is eligible, so there are no prices and qualities to compare."));
            Assert.That(charts[2].Summary, Is.EqualTo("No bid is eligible, so there is no ranking under any price method."));
            Assert.That(charts[3].Summary, Is.EqualTo("There is no single winner, so no section weight is tested."));
            Assert.That(charts[4].Summary, Is.EqualTo("There is no single declared winner, and no bid wins any of the 200 trials."));
            Assert.That(charts[4].Table.Rows, Is.EqualTo(new[] { new[] { "No single winner", "200", "100%" } }));
        });
    }

    [Test]
    public void OneBid_InOneSection_DrawsEveryChart()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.OneSection(null, ("a", 3m, 100m)));
        var charts = EvaluationCharts.For(lot, robustness);
        Assert.Multiple(() =>
        {
            Assert.That(charts[0].Summary, Is.EqualTo("Provider A is the only eligible bid, with 45 of 60 quality points."));
            Assert.That(charts[1].Summary, Is.EqualTo("Provider A is the only eligible bid: 75% quality at £100.00."));
            Assert.That(charts[2].Summary, Is.EqualTo("Provider A stays first under every price method."));
            Assert.That(charts[2].Table.Rows.Select(r => r[2]), Has.All.EqualTo("-"));
            Assert.That(charts[3].Summary, Is.EqualTo("The lot has one section, so its weight cannot change."));
            Assert.That(charts[3].Table.Rows.Single()[2], Is.EqualTo("not tested"));
            Assert.That(charts[4].Summary, Is.EqualTo("Provider A wins 200 of 200 trials."));
        });
        Assert.That(Parse(charts[3]).Descendants(Svg + "g"), Is.Empty, "no tracks to draw");
    }

    [Test]
    public void OneSection_WithRivals_StatesWhoHasTheMostPoints()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.OneSection(null, ("a", 3m, 100m), ("b", 2m, 80m)));
        var charts = EvaluationCharts.For(lot, robustness);
        Assert.That(charts[0].Summary, Is.EqualTo("Provider A has the most quality points (45 of 60)."));
        Assert.That(charts[3].Summary, Is.EqualTo("The lot has one section, so its weight cannot change."));
    }

    [Test]
    public void ZeroPrices_DrawWithoutThrowing()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        var free = lot with { Bids = [.. lot.Bids.Select(b => b with { Price = b.Price with { EvaluatedPrice = 0m } })] };
        var chart = EvaluationCharts.PriceAgainstQuality(free);
        var circles = Parse(chart).Descendants(Svg + "circle").ToList();
        Assert.That(circles, Has.Count.EqualTo(3));
        Assert.That(circles.Select(c => Number(c, "cx")).Distinct().Count(), Is.EqualTo(1), "every bid at the same price");
        Assert.That(circles.Select(c => Number(c, "cx")), Has.All.Matches<double>(double.IsFinite));
        Assert.That(chart.Summary, Is.EqualTo("Provider B has the highest quality (82.5%) and Provider B, Provider A and Provider C the lowest price (£0.00)."));
        Assert.That(() => EvaluationCharts.For(free, robustness).Select(Parse).ToList(), Throws.Nothing);
    }

    [Test]
    public void NoSingleWinner_DrawsEveryChartAndSaysSo()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Tied());
        Assert.That(robustness.WinnerBidId, Is.Null);
        var charts = EvaluationCharts.For(lot, robustness);
        Assert.Multiple(() =>
        {
            Assert.That(charts[0].Summary, Is.EqualTo("Provider A and Provider B share the most quality points (39 of 60)."));
            Assert.That(charts[2].Summary, Is.EqualTo("There is no single winner under the declared method (proportional), so the chart shows the lead of the first bid under each method."));
            Assert.That(charts[2].Table.Rows[0][2], Is.EqualTo("0"));
            Assert.That(charts[3].Summary, Is.EqualTo("There is no single winner, so no section weight is tested."));
            Assert.That(charts[4].Summary, Does.StartWith("There is no single declared winner"));
            Assert.That(charts[4].Table.Rows[^1][0], Is.EqualTo("No single winner"));
        });
        Assert.That(() => charts.Select(Parse).ToList(), Throws.Nothing);
    }

    [Test]
    public void ExcludedBids_AreLeftOutOfEveryRankingChart_WithANote()
    {
        var (lot, robustness) = ChartCases.Evaluate(ChartCases.Close());
        Assert.That(lot.Bids.Single(b => b.Bid.Id == "x").Rank, Is.Null);
        foreach (var chart in EvaluationCharts.For(lot, robustness))
        {
            Assert.That(chart.Svg, Does.Not.Contain("data-bid=\"x\""), chart.Id);
            Assert.That(chart.Table.Rows.SelectMany(r => r), Has.None.Contains("Provider X"), chart.Id);
            Assert.That(chart.Notes, Does.Contain("Provider X is not shown: excluded, a minimum threshold was not met."), chart.Id);
            Assert.That(Parse(chart).Root!.Element(Svg + "desc")!.Value, Does.Contain("Provider X is not shown"));
        }
    }

    [Test]
    public void RobustnessOfAnotherLot_IsRefused()
    {
        var (lot, _) = ChartCases.ExampleLot("lot-1");
        var (_, other) = ChartCases.ExampleLot("lot-2");
        Assert.That(() => EvaluationCharts.For(lot, other), Throws.ArgumentException);
    }

    [Test]
    public void Charts_NeitherEvaluateNorValidate()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(EvaluationCharts).Assembly, typeof(TenderEvaluator).Assembly).Build();
        Types().That().ResideInNamespace("Commissioning.Documents.Charts")
            .Should().NotDependOnAny(Types().That().HaveFullNameMatching(@"^Commissioning\.Core\.Evaluation\.(TenderEvaluator|RobustnessAnalysis|LotScoring)$")
                .Or().ResideInNamespaceMatching(@"^Commissioning\.Core\.Tenders\.Validation(\..*)?$"))
            .Check(architecture);
    }
}
