using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>The evaluation matrix: evaluates a tender pack and writes the workbook (docs/excel-matrix.md).</summary>
public static class EvaluationMatrix
{
    /// <summary>Evaluates the pack (with its robustness analysis) and writes the matrix to <paramref name="output"/>.</summary>
    /// <returns>The layout written, with where each lot's figures are.</returns>
    public static WorkbookModel Write(TenderPack pack, MatrixProvenance provenance, Stream output, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        var model = MatrixBuilder.Build(pack, result, robustness, provenance);
        MatrixWriter.Write(model, output, progress);
        return model;
    }
}
