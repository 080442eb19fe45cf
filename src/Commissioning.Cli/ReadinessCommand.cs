using System.Text.Json;
using Commissioning.Application;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Core.Text;

namespace Commissioning.Cli;

/// <summary><c>readiness &lt;tender-or-profiles.json&gt; &lt;declarations.json&gt; [--lot id]</c>.</summary>
internal static class ReadinessCommand
{
    public static int Run(CommandContext context, string targetFile, string declarationsFile, string? lotId)
    {
        var code = Check(context, targetFile, declarationsFile, lotId, out var report);
        if (report is not null)
        {
            Write(context.Output, report);
        }

        return code;
    }

    /// <summary>
    /// Reads and checks the files and, when they are valid, checks the provider's readiness;
    /// prints the files' problems otherwise. Shared by <c>readiness</c> and <c>render readiness</c>.
    /// </summary>
    /// <param name="context">The command's context.</param>
    /// <param name="targetFile">A tender or profiles file.</param>
    /// <param name="declarationsFile">The provider's declarations.</param>
    /// <param name="lotId">The lot of a tender, or null for all lots.</param>
    /// <param name="report">The report, or null when the exit code is not success.</param>
    /// <param name="lotRequired">True when a tender must be checked one lot at a time (the readiness report document).</param>
    /// <returns>The exit code.</returns>
    public static int Check(CommandContext context, string targetFile, string declarationsFile, string? lotId, out ReadinessReport? report, bool lotRequired = false)
    {
        report = null;
        var declarations = TenderFiles.ReadDeclarations(context.ReadFile(declarationsFile), context.Standards, context.Today);
        if (!declarations.Succeeded)
        {
            return context.Failed(declarationsFile, declarations);
        }

        var (provider, declared) = declarations.Value;

        var targetText = context.ReadFile(targetFile);
        switch (FormatOf(targetText))
        {
            case TenderFile.Format:
                var tender = TenderFiles.ReadDefinition(targetText, context.Standards);
                if (!tender.Succeeded)
                {
                    return context.Failed(targetFile, tender);
                }

                if (lotId is null && lotRequired)
                {
                    throw new UsageException($"Name the lot the provider is bidding for with --lot. The tender's lots are: {string.Join(", ", tender.Value.Tender.Lots.Select(l => l.Id))}.");
                }

                if (lotId is not null && tender.Value.Tender.FindLot(lotId) is null)
                {
                    throw new UsageException($"The tender has no lot '{lotId}'. Its lots are: {string.Join(", ", tender.Value.Tender.Lots.Select(l => l.Id))}.");
                }

                report = ReadinessCheck.AgainstTender(context.Standards, tender.Value.Tender, provider, declared, lotId);
                break;
            case ProfilesFile.Format:
                if (lotId is not null)
                {
                    throw new UsageException($"--lot applies only to a tender, and '{targetFile}' holds organisation profiles. Leave out --lot, or name a tender file.");
                }

                var profiles = ProfilesFile.Read(targetText);
                if (!profiles.Succeeded)
                {
                    return context.Problems(targetFile, profiles.Problems);
                }

                if (context.InvalidProfiles(targetFile, profiles.Value) is { } invalid)
                {
                    return invalid;
                }

                report = profiles.Value.Count == 1
                    ? ReadinessCheck.Against(context.Standards, Tailor.For(context.Standards, profiles.Value[0]), provider, declared)
                    : ReadinessCheck.Against(context.Standards, Tailor.ForGroup(context.Standards, profiles.Value), provider, declared);
                break;
            case null:
                // Not readable JSON, or no format: reading it as a tender says what is wrong and where.
                return context.Problems(targetFile, TenderFile.Read(targetText).Problems);
            case var other:
                return context.Invalid(targetFile, [$"This is an '{other}' file. Readiness is checked against a tender ({TenderFile.Format}) or organisation profiles ({ProfilesFile.Format})."]);
        }

        return ExitCodes.Success;
    }

    private static string? FormatOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
                ? format.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a format that cannot be read as text: reading it as a tender says what is wrong.
            return null;
        }
    }

    private static void Write(TextWriter output, ReadinessReport report)
    {
        output.WriteLine($"Readiness of {report.Provider} against {report.Target}");
        output.WriteLine($"Overall: {Rounding.Percent(report.OverallPercent)} ready (must counts 3, should 2, good practice 1).");
        output.WriteLine();
        var failed = report.GatesFailed.ToList();
        output.WriteLine(failed.Count == 0 ? "Pass or fail gates: none would fail on the declarations." : $"Pass or fail gates that would FAIL ({failed.Count}):");
        foreach (var gate in failed)
        {
            output.WriteLine($"  - {gate.Id} {gate.Title}: {gate.Explanation}");
        }

        var undecided = report.Gates.Where(g => g.Status == ReadinessStatus.NoEvidence).ToList();
        if (undecided.Count > 0)
        {
            output.WriteLine($"Pass or fail gates with no evidence held yet ({undecided.Count}):");
            foreach (var gate in undecided)
            {
                output.WriteLine($"  - {gate.Id} {gate.Title}: {gate.Explanation}");
            }
        }

        WriteGaps(output, "Must requirements not yet ready", report.MustGaps);
        WriteGaps(output, "Should requirements not yet ready", report.ShouldGaps);

        output.WriteLine();
        output.WriteLine("Readiness by area:");
        var table = new TextTable("Area", "Ready", "Of", "Weighted").AlignRight(1, 2, 3);
        foreach (var area in report.Areas)
        {
            table.Add(area.Area.Title, $"{area.Ready}", $"{area.Applicable}", Rounding.Percent(area.Percent));
        }

        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine("Evidence checklist:");
        foreach (var item in report.Items)
        {
            var mark = item.Status == ReadinessStatus.Ready ? "[x]" : "[ ]";
            output.WriteLine($"  {mark} {item.Requirement.Id} {item.Requirement.Title} ({Words.Level(item.Strength, item.Evaluation)})");
            if (item.DeclaredPosition is { } position)
            {
                output.WriteLine($"        declared: {position}");
            }

            if (item.EvidenceHeld.Count > 0)
            {
                output.WriteLine($"        held: {string.Join("; ", item.EvidenceHeld)}");
            }

            if (item.Status != ReadinessStatus.Ready)
            {
                output.WriteLine($"        prepare: {string.Join("; ", item.Requirement.Evidence)}");
            }
        }
    }

    private static void WriteGaps(TextWriter output, string heading, IEnumerable<ReadinessItem> gaps)
    {
        var list = gaps.ToList();
        output.WriteLine();
        output.WriteLine($"{heading} ({list.Count}):");
        foreach (var item in list)
        {
            output.WriteLine($"  - {item.Requirement.Id} {item.Requirement.Title}: {(item.DeclaredPosition is { } position ? position : "no evidence held")}");
        }
    }
}
