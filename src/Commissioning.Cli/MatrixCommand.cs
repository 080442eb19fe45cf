using Commissioning.Application;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Cli;

/// <summary>
/// <c>export matrix &lt;tender.json&gt; -o &lt;file.xlsx&gt;</c>: evaluates the tender and writes the
/// evaluation matrix workbook (docs/excel-matrix.md). The file is written to a temporary file
/// beside the target and then moved into place, so a failed export never leaves half a workbook.
/// On a terminal, progress is shown on the error stream as each step starts and each sheet is
/// written (<see cref="TerminalProgress"/>).
/// </summary>
internal static class MatrixCommand
{
    public static int Run(CommandContext context, string file, string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException("Name the workbook to write with -o, for example: export matrix tender.json -o matrix.xlsx");
        }

        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"The matrix is an Excel workbook: give a file name ending in .xlsx, not '{output}'.");
        }

        var target = context.Resolve(output);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"The folder for the workbook does not exist: {folder}");
        }

        // The status line is cleared before anything is printed (and, by using, if reading throws).
        using var progress = TerminalProgress.For(context, "Writing the matrix");
        progress.Report("Reading the tender");

        // Read from the file's bytes: an ICS-scale tender is over 20 MB, and holding it as a
        // string too would add twice that to the command's peak memory.
        var read = TenderFiles.ReadPack(context.ReadUtf8(file), context.Standards);
        if (!read.Succeeded)
        {
            progress.Dispose();
            return context.FailedWithPaths(file, read);
        }

        var pack = read.Value;
        progress.Report("Evaluating");
        var (result, robustness) = TenderFiles.Evaluate(pack);
        var provenance = new MatrixProvenance
        {
            GeneratedAt = context.Now,
            ToolkitVersion = MatrixProvenance.AssemblyVersion(),
            Standards = MatrixProvenance.Fingerprint(context.ReadStandards(context.StandardsFolder()), context.Standards),
            Source = $"The tender file {Path.GetFileName(file)}",
        };
        progress.Report("Laying out");

        // The same path as the site's download (EvaluationDocumentFiles), so both give the same workbook.
        WorkbookModel? model = null;
        try
        {
            OutputFile.WriteWhole(target, stream => model = EvaluationDocumentFiles.WriteMatrix(pack, result, robustness, provenance, stream, progress));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.Dispose();
            context.Output.WriteLine($"The workbook could not be written to {output}: {ex.Message}");
            return ExitCodes.ValidationErrors;
        }

        progress.Dispose();
        context.Output.WriteLine($"Wrote the evaluation matrix for {pack.Tender.Title} to {output}: {model!.Sheets.Count} sheets.");
        foreach (var lot in result.Lots)
        {
            var outstanding = Outstanding.Of(lot);
            var leader = lot.Leader?.Bid.Provider;
            context.Output.WriteLine(lot.Bids.Count == 0
                ? $"  {lot.Lot.Title}: no bids to evaluate."
                : outstanding.Total == 0
                    ? $"  {lot.Lot.Title}: complete; most advantageous tender: {leader ?? "none (no eligible bid or a tie for first)"}."
                    : $"  {lot.Lot.Title}: provisional, {outstanding.Total} thing{(outstanding.Total == 1 ? "" : "s")} outstanding; leading so far: {leader ?? "none (no eligible bid or a tie for first)"}.");
        }

        return ExitCodes.Success;
    }
}
