using Commissioning.Core.Evaluation;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;

namespace Commissioning.Documents.Readiness;

/// <summary>
/// A provider's readiness report as a document: overall readiness, the gates it would fail or
/// has no evidence for, the must and should requirements not yet ready with the evidence to
/// prepare, and readiness by area. Rendered through <c>templates/readiness/</c>.
/// </summary>
public static class ReadinessDocuments
{
    /// <summary>The template for a format, without <c>.scriban</c>.</summary>
    public static string TemplateName(OutputFormat format) => format == OutputFormat.Html ? "readiness/readiness.html" : "readiness/readiness.md";

    /// <summary>Renders a readiness report.</summary>
    public static string Render(TemplateSet templates, ReadinessReport report, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Render(TemplateName(format), Model(report));
    }

    /// <summary>What the documents say about the weighting of the overall and area figures.</summary>
    public const string WeightingNote =
        "Readiness counts each requirement that is ready, weighting a must 3, a should 2 and good practice or optional 1. The weights are the toolkit's judgement, not the guide's: they make a missing must count for more than a missing nice-to-have.";

    internal static ReadinessModel Model(ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReadinessModel
        {
            DocumentTitle = Title(report),
            Provider = report.Provider,
            Target = report.Target,
            Overall = Rounding.Percent(report.OverallPercent),
            Ready = report.ReadyCount,
            Applicable = report.Items.Count,
            WeightingNote = WeightingNote,
            GatesFailing = [.. report.GatesFailed.Select(Gate)],
            GatesUndecided = [.. report.GatesUndecided.Select(Gate)],
            GatesPassing = [.. report.Gates.Where(g => g.Status == ReadinessStatus.Ready).Select(Gate)],
            MustGaps = [.. report.MustGaps.Select(Gap)],
            ShouldGaps = [.. report.ShouldGaps.Select(Gap)],
            Areas = [.. report.Areas.Select(a => new AreaLine(a.Area.Title, a.Ready, a.Applicable, Rounding.Percent(a.Percent)))],
        };
    }

    /// <summary>"Readiness of … against …", the documents' title.</summary>
    internal static string Title(ReadinessReport report) => $"Readiness of {report.Provider} against {report.Target}";

    /// <summary>Where a provider stands on a requirement, as the documents word it.</summary>
    public static string Status(ReadinessStatus status) => status switch
    {
        ReadinessStatus.FailsGate => "Fails a gate",
        ReadinessStatus.NotMet => "Not met",
        ReadinessStatus.Ready => "Ready",
        _ => "No evidence yet",
    };

    /// <summary>Where a provider stands on a gate, as the documents word it.</summary>
    internal static string GateStatus(ReadinessStatus status) => status switch
    {
        ReadinessStatus.FailsGate or ReadinessStatus.NotMet => "Would fail",
        ReadinessStatus.Ready => "Ready",
        _ => "No evidence yet",
    };

    /// <summary>What the declarations say about a requirement, as a sentence, or empty.</summary>
    internal static string Declared(ReadinessItem item) =>
        item.DeclaredPosition is { } position ? DocumentWords.Capital(position) + "." : string.Empty;

    private static GateLine Gate(GateReadiness gate) =>
        new(gate.Id, gate.Title, gate.RequirementId ?? string.Empty, gate.Explanation);

    private static GapLine Gap(ReadinessItem item) => new()
    {
        Id = item.Requirement.Id,
        Title = item.Requirement.Title,
        Status = Status(item.Status),
        IsFailing = item.Status is ReadinessStatus.FailsGate or ReadinessStatus.NotMet,
        Evaluation = DocumentWords.Evaluation(item.Evaluation),
        Declared = Declared(item),
        Held = item.EvidenceHeld,
        ToPrepare = item.Requirement.Evidence,
        Why = item.Why,
    };
}

internal sealed record ReadinessModel
{
    public string DocumentKind { get; init; } = "Provider readiness report";
    public required string DocumentTitle { get; init; }
    public required string Provider { get; init; }
    public required string Target { get; init; }
    public required string Overall { get; init; }
    public required int Ready { get; init; }
    public required int Applicable { get; init; }
    public required string WeightingNote { get; init; }
    public required IReadOnlyList<GateLine> GatesFailing { get; init; }
    public required IReadOnlyList<GateLine> GatesUndecided { get; init; }
    public required IReadOnlyList<GateLine> GatesPassing { get; init; }
    public required IReadOnlyList<GapLine> MustGaps { get; init; }
    public required IReadOnlyList<GapLine> ShouldGaps { get; init; }
    public required IReadOnlyList<AreaLine> Areas { get; init; }
}

internal sealed record GateLine(string Id, string Title, string RequirementId, string Explanation);

internal sealed record AreaLine(string Title, int Ready, int Applicable, string Percent);

internal sealed record GapLine
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Status { get; init; }
    public required bool IsFailing { get; init; }
    public required string Evaluation { get; init; }
    public required string Declared { get; init; }
    public required IReadOnlyList<string> Held { get; init; }
    public required IReadOnlyList<string> ToPrepare { get; init; }
    public required string Why { get; init; }
}
