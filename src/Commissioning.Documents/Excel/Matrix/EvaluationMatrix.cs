using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>The evaluation matrix: writes the workbook of an evaluated tender (docs/excel-matrix.md). It never evaluates: the caller gives the result.</summary>
public static class EvaluationMatrix
{
    /// <summary>Writes the matrix of <paramref name="result"/> (with its robustness analysis) to <paramref name="output"/>.</summary>
    /// <returns>The layout written, with where each lot's figures are.</returns>
    public static WorkbookModel Write(TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance, Stream output, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var model = MatrixBuilder.Build(pack, result, robustness, provenance);
        MatrixWriter.Write(model, output, progress);
        return model;
    }
}
