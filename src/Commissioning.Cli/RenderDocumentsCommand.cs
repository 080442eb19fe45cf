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
/// Markdown by the output file's extension (checked by <see cref="DocumentTarget"/>), or for
/// readiness, .xlsx for the evidence checklist workbook (<see cref="ReadinessChecklistWorkbook"/>);
/// written whole or not at all.
/// </summary>
internal static class RenderDocumentsCommand
{
    /// <summary>The documents this command renders (the evaluation documents are <see cref="RenderCommand"/>'s).</summary>
    public static IReadOnlyList<string> Documents { get; } = ["specification", "questionnaire", "readiness"];

    /// <summary>What the messages about the output file add for readiness.</summary>
    public const string ReadinessWorkbook = "A readiness report can also be written as its evidence checklist, an Excel workbook: end the file in .xlsx.";

    /// <summary>True for the documents this command renders.</summary>
    public static bool Renders(string document) => Documents.Contains(document, StringComparer.Ordinal);

    public static int Run(CommandContext context, string document, IReadOnlyList<string> inputs, string? lotId, string? output)
    {
        var (expected, shape) = document switch
        {
            "specification" => (1, "render specification <profiles.json> -o <file.html|file.md>"),
            "questionnaire" => (1, "render questionnaire <tender.json> [--lot <lot-id>] -o <file.html|file.md>"),
            _ => (2, "render readiness <tender-or-profiles.json> <declarations.json> [--lot <lot-id>] -o <file.html|file.md|file.xlsx>"),
        };
        if (inputs.Count != expected)
        {
            throw new UsageException($"render {document} takes {(expected == 1 ? "one file" : "two files")}; it was given {inputs.Count}. Use: {shape}");
        }

        if (document == "specification" && lotId is not null)
        {
            throw new UsageException("--lot applies only to a tender; a specification is tailored from organisation profiles. Leave out --lot.");
        }

        var target = DocumentTarget.Parse(context, output, document, inputs, document == "readiness" ? ReadinessWorkbook : null);
        var format = target.TemplateFormat;
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

                if (target.IsWorkbook)
                {
                    return target.Write(
                        context,
                        stream => ReadinessChecklistWorkbook.Write(report, context.Standards, stream),
                        $"Wrote the evidence checklist for {report.Provider} to {target.Shown}.");
                }

                text = ReadinessDocuments.Render(TemplateSet.Shipped, report, format);
                what = $"the readiness report for {report.Provider}";
                break;
        }

        return target.Write(context, text, $"Wrote {what} to {target.Shown}.");
    }
}
