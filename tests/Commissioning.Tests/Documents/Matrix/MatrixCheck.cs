using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>
/// Compares a workbook's calculated figures with the engine's, through any reader (ClosedXML's
/// calculation or LibreOffice's CSV). Every comparison is counted, so a check that found nothing
/// to compare cannot pass.
/// </summary>
internal static class MatrixCheck
{
    public const decimal Tolerance = 0.005m;

    /// <summary>Compares every figure; returns how many were compared and adds each mismatch to <paramref name="failures"/>.</summary>
    /// <param name="result">The engine's result.</param>
    /// <param name="model">Where the figures are.</param>
    /// <param name="read">The value of a cell as text: a number in invariant form, text, or empty for a blank.</param>
    /// <param name="failures">Mismatches, each naming the cell.</param>
    /// <param name="label">Names the case in each failure.</param>
    public static int Compare(TenderResult result, WorkbookModel model, Func<CellPlace, string> read, List<string> failures, string label)
    {
        var compared = 0;
        for (var l = 0; l < result.Lots.Count; l++)
        {
            var lot = result.Lots[l];
            var map = model.Lots[l];
            foreach (var bid in lot.Bids)
            {
                var cells = map.Bids[bid.Bid.Id];
                var where = $"{label}, {lot.Lot.Id}, {bid.Bid.Id}";
                Number(cells.Eligible, bid.Eligible ? 1m : 0m, "eligible");
                Number(cells.QualityPercent, bid.QualityPercent, "quality %");
                Number(cells.QualityPoints, bid.QualityPoints, "quality points");
                if (cells.RelativeQualityPercent is { } relative)
                {
                    Number(relative, bid.RelativeQualityPercent, "relative quality %");
                }

                Number(cells.PricePoints, bid.Price.Points, "price points");
                if (bid.Price.Method == PriceMethod.PricePerQualityPoint)
                {
                    // Shown for information under every method; the engine gives it only under this one.
                    Number(cells.PricePerQualityPoint, bid.Price.PricePerQualityPoint, "price per quality point");
                }

                Number(cells.Total, bid.Total, "total");
                Number(cells.Rank, bid.Rank, "rank");
                foreach (var section in bid.Sections)
                {
                    Number(cells.SectionPercent[section.Section.Id], section.Percent, $"section {section.Section.Id} %");
                    foreach (var question in section.Questions)
                    {
                        Number(cells.FinalScore[question.Question.Id], question.Score, $"final score {question.Question.Id}");
                    }
                }

                void Number(CellPlace place, decimal? expected, string what)
                {
                    compared++;
                    var text = read(place);
                    if (expected is not { } value)
                    {
                        if (text.Length != 0)
                        {
                            failures.Add($"{where}: {what} at {place} should be empty, but is '{text}'.");
                        }

                        return;
                    }

                    if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual))
                    {
                        failures.Add($"{where}: {what} at {place} should be {value}, but is '{text}'.");
                    }
                    else if (Math.Abs(actual - value) > Tolerance)
                    {
                        failures.Add($"{where}: {what} at {place} should be {value}, but is {actual}.");
                    }
                }
            }

            compared++;
            var leader = read(map.Leader);
            if (lot.Leader is { } expectedLeader ? leader != expectedLeader.Bid.Provider : lot.Bids.Any(b => b.Bid.Provider == leader))
            {
                failures.Add($"{label}, {lot.Lot.Id}: the leader at {map.Leader} is '{leader}', but the engine's is '{lot.Leader?.Bid.Provider ?? "none"}'.");
            }
        }

        return compared;
    }

    /// <summary>The figures the check compares for a result (what <see cref="Compare"/> should return).</summary>
    public static int Expected(TenderResult result) =>
        result.Lots.Sum(l => 1 + l.Bids.Sum(b => 6 + (l.Lot.QualityMethod == QualityMethod.Relative ? 1 : 0) + (l.Lot.Price.Method == PriceMethod.PricePerQualityPoint ? 1 : 0) + b.Sections.Sum(s => 1 + s.Questions.Count)));
}
