using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>The Robustness and Provenance sheets.</summary>
public static partial class MatrixBuilder
{
    private static SheetModel RobustnessSheet(Tender tender, TenderResult result, IReadOnlyList<LotRobustness> robustness)
    {
        var sheet = new SheetModel("Robustness");
        sheet.Text(1, 1, "Robustness", CellStyle.Title);
        sheet.Text(2, 1, "How far each lot's result can be trusted: whether the winner changes with the price method or the quality method, how far one section's weight must move to change it, how often it holds when every weight is moved at random, and what each other bid would have needed. Worked out by the toolkit when the workbook was made; these are values, not formulas.", CellStyle.Wrap);
        var row = 4;
        for (var l = 0; l < tender.Lots.Count; l++)
        {
            var lot = result.Lots[l];
            var analysis = robustness[l];
            var providers = lot.Bids.ToDictionary(b => b.Bid.Id, b => b.Bid.Provider, StringComparer.Ordinal);
            string Provider(string? id) => id is null ? "None (no eligible bid or a tie)" : providers.GetValueOrDefault(id, id);

            sheet.Text(row, 1, "Lot", CellStyle.Header);
            sheet.Text(row, 2, lot.Lot.Title, CellStyle.Header);
            row++;
            sheet.Text(row, 1, "Declared winner", CellStyle.Label);
            sheet.Text(row, 2, Provider(analysis.WinnerBidId));
            row += 2;

            Header(sheet, row, "Price method", "Winner", "Winner changes", "Bids ranked");
            row++;
            foreach (var m in analysis.PriceMethods)
            {
                sheet.Text(row, 1, MethodWords(m.Method) + (m.Method == lot.Lot.Price.Method ? " (declared)" : string.Empty));
                sheet.Text(row, 2, Provider(m.WinnerBidId));
                sheet.Text(row, 3, m.WinnerChanges ? "Yes" : "No");
                sheet.Number(row, 4, m.Ranking.Count, CellStyle.Count);
                row++;
            }

            row++;
            Header(sheet, row, "Quality method", "Winner", "Winner changes", "Bids ranked");
            row++;
            foreach (var m in analysis.QualityMethods)
            {
                sheet.Text(row, 1, (m.Method == QualityMethod.Relative ? "Against the best eligible bid" : "Against the scale") + (m.Method == lot.Lot.QualityMethod ? " (declared)" : string.Empty));
                sheet.Text(row, 2, Provider(m.WinnerBidId));
                sheet.Text(row, 3, m.WinnerChanges ? "Yes" : "No");
                sheet.Number(row, 4, m.Ranking.Count, CellStyle.Count);
                row++;
            }

            row++;
            Header(sheet, row, "Section", "Smallest change that changes the winner (points of quality)", "New winner");
            row++;
            foreach (var t in analysis.Sensitivity)
            {
                sheet.Text(row, 1, $"{t.Section.Id} {t.Section.Title}");
                if (t.Change is { } change)
                {
                    sheet.Number(row, 2, change, CellStyle.Points);
                    sheet.Text(row, 3, Provider(t.NewWinnerBidId));
                }
                else
                {
                    sheet.Text(row, 2, "No change of this section alone changes the winner");
                }

                row++;
            }

            row++;
            var p = analysis.Perturbation;
            Header(sheet, row, "Random weight trials", "Value");
            row++;
            sheet.Text(row, 1, "Trials");
            sheet.Number(row, 2, p.Samples, CellStyle.Count);
            row++;
            sheet.Text(row, 1, "Each weight moved by up to (%)");
            sheet.Number(row, 2, p.Range, CellStyle.Points);
            row++;
            sheet.Text(row, 1, "Seed");
            sheet.Text(row, 2, p.Seed.ToString(CultureInfo.InvariantCulture));
            row++;
            sheet.Text(row, 1, "Trials the declared winner still won");
            sheet.Number(row, 2, p.WinnerHeld, CellStyle.Count);
            row++;
            sheet.Text(row, 1, "Share of trials (%)");
            sheet.Number(row, 2, p.WinnerHeldPercent, CellStyle.Percent);
            row++;
            foreach (var (bidId, wins) in p.WinsByBid.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal))
            {
                sheet.Text(row, 1, "Trials won by " + Provider(bidId));
                sheet.Number(row, 2, wins, CellStyle.Count);
                row++;
            }

            row++;
            Header(sheet, row, "Other bid", "Points behind the winner", "Quality % that would have won", "Price that would have won");
            row++;
            foreach (var gap in analysis.Gaps)
            {
                sheet.Text(row, 1, gap.Provider);
                if (gap.PointsBehind is null)
                {
                    sheet.Text(row, 2, "Excluded");
                }

                sheet.Number(row, 2, gap.PointsBehind, CellStyle.Points);
                sheet.Number(row, 3, gap.QualityPercentNeeded, CellStyle.Percent);
                sheet.Number(row, 4, gap.PriceNeeded, CellStyle.Money);
                row++;
            }

            row += 2;
        }

        sheet.FreezeRows = 2;
        sheet.Width(1, 48);
        sheet.Width(2, 36);
        sheet.Width(3, 30);
        sheet.Width(4, 26);
        return sheet;
    }

    private static SheetModel ProvenanceSheet(Tender tender, MatrixProvenance provenance)
    {
        var sheet = new SheetModel("Provenance");
        sheet.Text(1, 1, "Provenance", CellStyle.Title);
        var rows = new (string Label, string? Value)[]
        {
            ("Tender", tender.Title),
            ("Reference", tender.Reference ?? "None given"),
            ("Regime", RegimeWords(tender.Regime.Regime)),
            ("Procedure or process", tender.Regime.Procedure),
            ("Why this regime and procedure", tender.Regime.Rationale),
            ("Lots", string.Join("; ", tender.Lots.Select(l => $"{l.Id}: {l.Title}"))),
            ("Generated", provenance.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ("Toolkit version", provenance.ToolkitVersion),
            ("Standards (one hash of all files)", provenance.StandardsHash ?? "Not recorded"),
            ("Rounding", "Every calculation uses unrounded values; figures show to 2 decimal places, half away from zero, as in the toolkit."),
            ("Protection", "Every sheet is protected without a password, to prevent accidental changes. Evaluators' score cells and the consensus cells are open for typing. Unprotect a sheet from the Review menu to change anything else."),
            ("Equal totals", "Totals are compared after rounding to 8 decimal places, so that binary arithmetic in the spreadsheet cannot split a tie the toolkit finds exact."),
        };
        if (provenance.Source is { } source)
        {
            rows = [.. rows.Take(6), ("Made from", source), .. rows.Skip(6)];
        }

        var row = 3;
        foreach (var (label, value) in rows)
        {
            sheet.Text(row, 1, label, CellStyle.Label);
            sheet.Text(row, 2, value, CellStyle.Wrap);
            row++;
        }

        row++;
        Header(sheet, row, "Standards file", "Rule set", "SHA-256");
        row++;
        foreach (var file in provenance.Standards)
        {
            sheet.Text(row, 1, file.FileName);
            sheet.Text(row, 2, file.RuleSet ?? "Not a rule set");
            sheet.Text(row, 3, file.Sha256);
            row++;
        }

        sheet.Width(1, 34);
        sheet.Width(2, 70);
        sheet.Width(3, 68);
        return sheet;
    }

    private static void Header(SheetModel sheet, int row, params string[] headers)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(row, c + 1, headers[c], CellStyle.Header);
        }
    }
}
