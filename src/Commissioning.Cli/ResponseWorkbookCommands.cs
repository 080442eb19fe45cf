using Commissioning.Application;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;

namespace Commissioning.Cli;

/// <summary>
/// <c>export response-workbook &lt;tender.json&gt; --lot &lt;id&gt; -o &lt;file.xlsx&gt;</c> and
/// <c>import response-workbook &lt;tender.json&gt; &lt;file.xlsx&gt; -o &lt;tender.json&gt; [--lot &lt;id&gt;]</c>.
/// The command line has nowhere to keep a secret, so workbooks are signed with the key derived
/// from the tender (see <see cref="ResponseWorkbookKey.DerivedFrom"/> and docs/response-workbook.md).
/// </summary>
internal static class ResponseWorkbookCommands
{
    public static int Export(CommandContext context, string tenderFile, string? lotId, string? output)
    {
        if (output is null)
        {
            throw new UsageException("Name the workbook to write with -o <file.xlsx>.");
        }

        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"The workbook '{output}' should be named with the extension .xlsx, which is what it is.");
        }

        var read = TenderFile.Read(context.ReadFile(tenderFile));
        if (!read.Succeeded)
        {
            return context.Problems(tenderFile, read.Problems);
        }

        var tender = read.Value.Tender;
        var lots = string.Join(", ", tender.Lots.Select(l => l.Id));
        if (lotId is null)
        {
            throw new UsageException($"Name the lot the workbook is for with --lot <lot-id>. The tender's lots are: {lots}.");
        }

        var errors = new TenderValidator(context.Standards).Validate(tender);
        if (!errors.IsValid)
        {
            return context.Invalid(tenderFile, errors.Errors.Select(e => $"{TenderFile.JsonPath("Tender." + e.PropertyName)}: {e.ErrorMessage}"));
        }

        var lot = tender.FindLot(lotId) ?? throw new UsageException($"The tender has no lot '{lotId}'. Its lots are: {lots}.");
        using (var progress = TerminalProgress.For(context, "Writing the response workbook"))
        {
            progress.Report($"Laying out lot {lot.Id}");
            var bytes = ResponseWorkbookWriter.Write(tender, lot.Id, context.Standards, ResponseWorkbookKey.DerivedFrom(tender, lot.Id));
            progress.Report("Saving");
            WriteAtomically(context.Resolve(output), bytes, output);
        }

        var layout = ResponseLayout.For(tender, lot.Id, context.Standards);
        context.Output.WriteLine($"Wrote the response workbook for lot {lot.Id} ({lot.Title}) to {output}: {layout.Questions.Count} question{(layout.Questions.Count == 1 ? "" : "s")} and prices for {layout.Prices.Count} year{(layout.Prices.Count == 1 ? "" : "s")}.");
        return ExitCodes.Success;
    }

    public static int Import(CommandContext context, string tenderFile, string workbookFile, string? output, string? lotId)
    {
        if (output is null)
        {
            throw new UsageException("Name the tender file to write with -o <tender.json>. It may be the tender file you read.");
        }

        var read = TenderFiles.ReadPack(context.ReadFile(tenderFile), context.Standards);
        if (!read.Succeeded)
        {
            return context.FailedWithPaths(tenderFile, read);
        }

        var pack = read.Value;

        if (lotId is not null && pack.Tender.FindLot(lotId) is null)
        {
            throw new UsageException($"The tender has no lot '{lotId}'. Its lots are: {string.Join(", ", pack.Tender.Lots.Select(l => l.Id))}.");
        }

        var bytes = context.ReadBytes(workbookFile);
        ResponseImport import;
        using (var progress = TerminalProgress.For(context, "Importing the workbook"))
        {
            import = ResponseWorkbookReader.Read(pack, bytes, TenderFiles.Rules(context.Standards), new ResponseImportOptions
            {
                Standards = context.Standards,
                ExpectedLotId = lotId,
                Progress = progress,
            });
        }

        if (!import.Succeeded)
        {
            var count = import.Problems.Count;
            context.Output.WriteLine($"{workbookFile} could not be imported: {count} problem{(count == 1 ? "" : "s")}. Nothing was written.");
            foreach (var problem in import.Problems)
            {
                context.Output.WriteLine($"  {problem}");
            }

            return ExitCodes.ValidationErrors;
        }

        var bid = import.Bid!;
        var updated = pack with { Bids = [.. pack.Bids, bid] };
        WriteAtomically(context.Resolve(output), System.Text.Encoding.UTF8.GetBytes(TenderFile.Write(updated)), output);
        var lot = pack.Tender.FindLot(bid.LotId)!;
        context.Output.WriteLine($"Added bid {bid.Id} from {bid.Provider} for lot {lot.Id} ({lot.Title}) to {output}: {bid.Answers.Count} answer{(bid.Answers.Count == 1 ? "" : "s")}.");
        foreach (var warning in import.Warnings)
        {
            context.Output.WriteLine($"  Note: {warning}");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the whole file beside its destination under a temporary name, flushes it to disk and
    /// then renames it over the destination, so that the destination holds either the old file or
    /// the whole new one, never part of it.
    /// </summary>
    private static void WriteAtomically(string path, byte[] bytes, string shown)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"The folder for '{shown}' does not exist.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"'{shown}' is a folder. Name a file to write.");
        }

        try
        {
            OutputFile.WriteWhole(path, stream => stream.Write(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{shown}' could not be written: {ex.Message}");
        }
    }
}
