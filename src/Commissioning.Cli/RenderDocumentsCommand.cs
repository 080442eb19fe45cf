using Commissioning.Core.Files;
using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Documents.Questionnaire;
using Commissioning.Documents.Readiness;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;

namespace Commissioning.Cli;

/// <summary>
/// <c>render specification|questionnaire|readiness … -o &lt;file&gt;</c>: the tailored specification,
/// the invitation-to-tender questionnaire and a provider's readiness report as documents, HTML or
/// Markdown by the output file's extension, written whole or not at all.
/// </summary>
internal static class RenderDocumentsCommand
{
    /// <summary>The documents this command renders (the evaluation documents are <see cref="RenderCommand"/>'s).</summary>
    public static IReadOnlyList<string> Documents { get; } = ["specification", "questionnaire", "readiness"];

    /// <summary>True for the documents this command renders.</summary>
    public static bool Renders(string document) => Documents.Contains(document, StringComparer.Ordinal);

    public static int Run(CommandContext context, string document, IReadOnlyList<string> inputs, string? lotId, string? output)
    {
        var (expected, shape) = document switch
        {
            "specification" => (1, "render specification <profiles.json> -o <file.html|file.md>"),
            "questionnaire" => (1, "render questionnaire <tender.json> [--lot <lot-id>] -o <file.html|file.md>"),
            _ => (2, "render readiness <tender-or-profiles.json> <declarations.json> [--lot <lot-id>] -o <file.html|file.md>"),
        };
        if (inputs.Count != expected)
        {
            throw new UsageException($"render {document} takes {(expected == 1 ? "one file" : "two files")}; it was given {inputs.Count}. Use: {shape}");
        }

        if (document == "specification" && lotId is not null)
        {
            throw new UsageException("--lot applies only to a tender; a specification is tailored from organisation profiles. Leave out --lot.");
        }

        var (target, format) = Output(context, output, inputs);
        string text;
        string what;
        switch (document)
        {
            case "specification":
                var profiles = ProfilesFile.Read(context.ReadFile(inputs[0]));
                if (!profiles.Succeeded)
                {
                    return context.Problems(inputs[0], profiles.Problems);
                }

                if (context.InvalidProfiles(inputs[0], profiles.Value) is { } invalid)
                {
                    return invalid;
                }

                text = profiles.Value.Count == 1
                    ? SpecificationDocuments.Render(TemplateSet.Shipped, context.Standards, Tailor.For(context.Standards, profiles.Value[0]), format)
                    : SpecificationDocuments.Render(TemplateSet.Shipped, context.Standards, Tailor.ForGroup(context.Standards, profiles.Value), format);
                what = profiles.Value.Count == 1 ? $"the specification for {profiles.Value[0].Name}" : $"the combined specification for {profiles.Value.Count} organisations";
                break;
            case "questionnaire":
                var tender = TenderFile.Read(context.ReadFile(inputs[0]));
                if (!tender.Succeeded)
                {
                    return context.Problems(inputs[0], tender.Problems);
                }

                var errors = new TenderValidator(context.Standards).Validate(tender.Value.Tender);
                if (!errors.IsValid)
                {
                    return context.Invalid(inputs[0], errors.Errors.Select(e => e.ErrorMessage));
                }

                if (lotId is not null && tender.Value.Tender.FindLot(lotId) is null)
                {
                    throw new UsageException($"The tender has no lot '{lotId}'. Its lots are: {string.Join(", ", tender.Value.Tender.Lots.Select(l => l.Id))}.");
                }

                text = QuestionnaireDocuments.Render(TemplateSet.Shipped, context.Standards, tender.Value.Tender, lotId, format);
                what = lotId is null ? "the questionnaire" : $"the questionnaire for lot {lotId}";
                break;
            default:
                var code = ReadinessCommand.Check(context, inputs[0], inputs[1], lotId, out var report, lotRequired: true);
                if (report is null)
                {
                    return code;
                }

                text = ReadinessDocuments.Render(TemplateSet.Shipped, report, format);
                what = $"the readiness report for {report.Provider}";
                break;
        }

        WriteWhole(target, output!, text);
        context.Output.WriteLine($"Wrote {what} to {output}.");
        return ExitCodes.Success;
    }

    /// <summary>The full path to write and the format its extension asks for; a usage error for anything else.</summary>
    private static (string Path, OutputFormat Format) Output(CommandContext context, string? output, IReadOnlyList<string> inputs)
    {
        if (output is null)
        {
            throw new UsageException("Name the file to write with -o, such as -o specification.html (HTML to print) or -o specification.md (Markdown).");
        }

        var format = Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".html" or ".htm" => OutputFormat.Html,
            ".md" or ".markdown" => OutputFormat.Markdown,
            _ => throw new UsageException($"The output file '{output}' must end in .html (a document to print) or .md (Markdown)."),
        };

        var full = context.Resolve(output);
        if (Directory.Exists(full))
        {
            throw new UsageException($"'{output}' is a folder. Name a file to write, such as {Path.Combine(output, "document.html")}.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"The folder for '{output}' does not exist. Create it first, or name a file in a folder that exists.");
        }

        if (inputs.Any(i => string.Equals(context.Resolve(i), full, StringComparison.Ordinal)))
        {
            throw new UsageException($"'{output}' is also an input file. Name a different file to write, so that the input is not overwritten.");
        }

        return (full, format);
    }

    /// <summary>Writes to a temporary file beside the target, then moves it into place, so the target is never left half written.</summary>
    private static void WriteWhole(string path, string shown, string text)
    {
        try
        {
            OutputFile.WriteWhole(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The file '{shown}' could not be written: {ex.Message}");
        }
    }
}
