using System.Text;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Application;

/// <summary>
/// The evaluation's documents made from a tender and its evaluation: the Excel matrix, the
/// evaluation report and each bidder's assessment summary. The one path the command line
/// (<c>export matrix</c>, <c>render evaluation-report</c>, <c>render assessment-summary</c>) and
/// the site's downloads both take, so that the same tender state gives the same documents.
/// </summary>
public static class EvaluationDocumentFiles
{
    /// <summary>The content type of an Excel workbook.</summary>
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the evaluation matrix workbook (docs/excel-matrix.md) to <paramref name="output"/>.</summary>
    /// <param name="pack">The tender as evaluated.</param>
    /// <param name="result">Its evaluation.</param>
    /// <param name="robustness">The evaluation's robustness, one for each lot.</param>
    /// <param name="provenance">When it was made, by which version, against which standards, from what.</param>
    /// <param name="output">Where the workbook goes.</param>
    /// <param name="progress">Told as each sheet is written, if given.</param>
    /// <returns>The workbook's model (its sheets).</returns>
    public static WorkbookModel WriteMatrix(TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance, Stream output, IProgress<string>? progress = null)
    {
        var model = MatrixBuilder.Build(pack, result, robustness, provenance);
        MatrixWriter.Write(model, output, progress);
        return model;
    }

    /// <summary>The evaluation matrix workbook as bytes.</summary>
    public static byte[] Matrix(TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance)
    {
        using var stream = new MemoryStream();
        WriteMatrix(pack, result, robustness, provenance, stream);
        return stream.ToArray();
    }

    /// <summary>The evaluation report and award recommendation, as print-ready HTML or Markdown.</summary>
    /// <param name="pack">The tender as evaluated, for its declarations of conflicts of interest.</param>
    /// <param name="result">The evaluation.</param>
    /// <param name="robustness">Its robustness, one for each lot.</param>
    /// <param name="format">HTML or Markdown.</param>
    /// <param name="prepared">The date the report is prepared, from the caller's clock.</param>
    public static string Report(TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, DocumentOutput format, DateOnly prepared)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, format, prepared);
    }

    /// <summary>One bidder's assessment summary, as print-ready HTML or Markdown.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="bidId">The bid.</param>
    /// <param name="format">HTML or Markdown.</param>
    /// <param name="prepared">The date the summary is prepared, from the caller's clock.</param>
    /// <param name="discloseWinnerAnswers">True to quote the winning bid's answers (by default they are not).</param>
    /// <exception cref="ArgumentException">No bid has the id.</exception>
    public static string AssessmentSummary(TenderResult result, string bidId, DocumentOutput format, DateOnly prepared, bool discloseWinnerAnswers = false) =>
        EvaluationDocuments.AssessmentSummary(result, bidId, format, prepared, discloseWinnerAnswers);

    /// <summary>A document's text as UTF-8 bytes (no byte order mark).</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    /// <summary>The content type of a document in this format.</summary>
    public static string ContentType(DocumentOutput format) => format == DocumentOutput.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";

    /// <summary>The file name extension of a document in this format, without the dot.</summary>
    public static string Extension(DocumentOutput format) => format == DocumentOutput.Html ? "html" : "md";

    /// <summary>
    /// A piece of a file name made from any text: ASCII letters and digits kept (lower case),
    /// every run of anything else one hyphen, no hyphen at either end, at most
    /// <paramref name="maximum"/> characters (cut at the end of a word where there is one); <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string SafeName(string? text, string fallback, int maximum = 60)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var name = builder.ToString();
        if (name.Length > maximum)
        {
            // At the end of a word where there is one, so no word is cut.
            var cut = name.LastIndexOf('-', maximum);
            name = name[..(cut > maximum / 2 ? cut : maximum)];
        }

        name = name.Trim('-');
        return name.Length == 0 ? fallback : name;
    }
}
