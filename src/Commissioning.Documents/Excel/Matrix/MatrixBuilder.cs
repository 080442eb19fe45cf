using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>
/// Lays out the evaluation matrix (see docs/excel-matrix.md): Summary, then for each lot its
/// Quality, Price, evaluator and Moderation sheets, then Robustness and Provenance. Inputs
/// (evaluators' scores and consensus scores) are values; everything worked out from them
/// (final scores, spreads, section and quality percentages, thresholds, eligibility, price
/// points, totals, ranks and the leading bid) is a formula that follows the engine's rules, so
/// the workbook recalculates to the engine's figures and keeps doing so when a score is changed.
/// Only the gates and the decisions on abnormally low prices are fixed values: they are
/// recorded decisions, not arithmetic.
/// </summary>
public static partial class MatrixBuilder
{
    /// <summary>Lays out the matrix for a pack and its evaluation.</summary>
    /// <param name="pack">The tender pack that was evaluated.</param>
    /// <param name="result">Its evaluation.</param>
    /// <param name="robustness">Its robustness analysis, one a lot in lot order.</param>
    /// <param name="provenance">When it was made, by which version, against which standards.</param>
    public static WorkbookModel Build(TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(robustness);
        ArgumentNullException.ThrowIfNull(provenance);
        if (result.Lots.Count != pack.Tender.Lots.Count || robustness.Count != pack.Tender.Lots.Count)
        {
            throw new ArgumentException("The result and the robustness analysis must have one entry for each of the tender's lots.", nameof(result));
        }

        var tender = pack.Tender;
        var summary = new SheetModel("Summary");
        var sheets = new List<SheetModel> { summary };
        var maps = new List<LotMap>();
        var lots = new List<LotSheets>();
        for (var l = 0; l < tender.Lots.Count; l++)
        {
            var prefix = tender.Lots.Count > 1 ? $"L{l + 1} " : string.Empty;
            var lot = new LotSheets(pack, result.Lots[l], prefix);
            lot.Build();
            sheets.Add(lot.Quality);
            sheets.Add(lot.Price);
            sheets.AddRange(lot.EvaluatorSheets);
            sheets.Add(lot.Moderation);
            lots.Add(lot);
        }

        var summaryRow = WriteSummaryHeading(summary, tender);
        foreach (var lot in lots)
        {
            summaryRow = lot.WriteSummary(summary, summaryRow);
            maps.Add(lot.Map());
        }

        sheets.Add(RobustnessSheet(tender, result, robustness));
        sheets.Add(ProvenanceSheet(tender, provenance));
        return new WorkbookModel { Sheets = sheets, Lots = maps };
    }

    private static int WriteSummaryHeading(SheetModel sheet, Tender tender)
    {
        sheet.Text(1, 1, "Evaluation matrix", CellStyle.Title);
        sheet.Text(2, 1, "Tender", CellStyle.Label);
        sheet.Text(2, 2, tender.Title, CellStyle.Title);
        sheet.Text(3, 1, "Reference", CellStyle.Label);
        sheet.Text(3, 2, tender.Reference ?? "None given");
        sheet.Text(4, 1, "How to read it", CellStyle.Label);
        sheet.Text(4, 2, "Every total and rank here is a formula over the lot's Quality and Price sheets, which work from the evaluators' scores and the moderation record. Figures show to 2 decimal places; the workbook, like the toolkit, calculates with unrounded values.", CellStyle.Wrap);
        sheet.Width(1, 26);
        sheet.Width(2, 34);
        sheet.Width(3, 12);
        sheet.Width(4, 10);
        sheet.Width(5, 34);
        for (var c = 6; c <= 12; c++)
        {
            sheet.Width(c, 14);
        }

        return 6;
    }

    /// <summary>A price method in words.</summary>
    internal static string MethodWords(PriceMethod method) => method switch
    {
        PriceMethod.Proportional => "Proportional",
        PriceMethod.Linear => "Linear",
        PriceMethod.Deviation => "Deviation",
        _ => "Price per quality point",
    };

    /// <summary>A price method's formula in words (the toolkit's wording of docs/evaluation.md).</summary>
    internal static string MethodFormulaWords(Lot lot) => lot.Price.Method switch
    {
        PriceMethod.Proportional => "Price points = price share × lowest eligible price ÷ this price.",
        PriceMethod.Linear when lot.Price.Ceiling is not null => "Price points = price share × (ceiling − this price) ÷ (ceiling − lowest eligible price); 0 at or above the ceiling.",
        PriceMethod.Linear => "Price points = price share × (highest − this price) ÷ (highest − lowest), over eligible prices; full marks if they are all the same.",
        PriceMethod.Deviation => "Price points = price share × (1 − (this price − lowest eligible price) ÷ lowest eligible price), not below 0.",
        _ => "No price points: total = 100 × lowest eligible price per quality point ÷ this bid's price per quality point (price ÷ absolute quality %).",
    };

    internal static string RegimeWords(ProcurementRegime regime) => regime switch
    {
        ProcurementRegime.ProcurementAct2023 => "Procurement Act 2023",
        _ => "Health Care Services (Provider Selection Regime) Regulations 2023",
    };

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
