using Commissioning.Core.Evaluation;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;

namespace Commissioning.Documents.Questionnaire;

/// <summary>
/// The invitation-to-tender questionnaire for a tender: for each lot, the gates a bid must pass,
/// every section and question with its weight as declared and its share, the scoring scale, the
/// requirement each question draws on with the evidence that answers it, the price schedule asked
/// for and the declarations asked for. Rendered through <c>templates/questionnaire/</c>.
/// </summary>
public static class QuestionnaireDocuments
{
    /// <summary>The template for a format, without <c>.scriban</c>.</summary>
    public static string TemplateName(OutputFormat format) => format == OutputFormat.Html ? "questionnaire/questionnaire.html" : "questionnaire/questionnaire.md";

    /// <summary>Renders the questionnaire for every lot of a tender, or for one lot.</summary>
    /// <exception cref="ArgumentException">The tender has no lot <paramref name="lotId"/>.</exception>
    public static string Render(TemplateSet templates, StandardsCatalogue standards, Tender tender, string? lotId, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Render(TemplateName(format), Model(standards, tender, lotId));
    }

    internal static QuestionnaireModel Model(StandardsCatalogue standards, Tender tender, string? lotId)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(tender);
        var lots = lotId is null ? tender.Lots : [tender.FindLot(lotId) ?? throw new ArgumentException($"The tender has no lot '{lotId}'.", nameof(lotId))];
        return new QuestionnaireModel
        {
            DocumentTitle = lotId is null ? $"Questionnaire: {tender.Title}" : $"Questionnaire: {tender.Title}, {lots[0].Title}",
            Title = tender.Title,
            Reference = tender.Reference ?? string.Empty,
            Regime = tender.Regime.Regime == ProcurementRegime.ProcurementAct2023
                ? "Procurement Act 2023"
                : "Health Care Services (Provider Selection Regime) Regulations 2023",
            Procedure = tender.Regime.Procedure,
            Rationale = tender.Regime.Rationale,
            Members = [.. tender.Members.Select(m => new MemberLine(m.Profile.Name, DocumentWords.Capital(Vocabulary.Of(m.Profile.Type).Label), DocumentWords.Count(m.Profile.Headcount)))],
            ScaleMaximum = tender.Scale.Maximum,
            Scale = [.. tender.Scale.Levels.Select(l => new ScaleLine(l.Score, l.Label, l.Descriptor))],
            Lots = [.. lots.Select(l => Lot(standards, tender, l))],
        };
    }

    private static LotSection Lot(StandardsCatalogue standards, Tender tender, Lot lot)
    {
        var members = tender.MembersOf(lot);
        return new LotSection
        {
            Id = lot.Id,
            Title = lot.Title,
            Members = string.Join("; ", members.Select(m => m.Profile.Name)),
            Headcount = DocumentWords.Count(members.Sum(m => m.Profile.Headcount)),
            Gates = [.. lot.Gates.Select(g => new GateLine
            {
                Id = g.Id,
                Title = g.Title,
                Description = g.Description,
                Requirement = g.RequirementId is { } id ? $"{id} {standards.FindRequirement(id)?.Title}".Trim() : string.Empty,
                DecidedBy = g.RequirementId is { } rid && DeclarationChecks.Decidable.Contains(rid)
                    ? "Your declarations decide it (see the declarations asked for), unless the panel records a decision on the evidence."
                    : "The panel decides it on the evidence you give.",
            })],
            Weights = lot.Weights == WeightUnit.Percent
                ? $"Quality {Rounding.Percent(lot.QualityWeight)}, price {Rounding.Percent(lot.PriceWeight)}."
                : $"Quality {Rounding.Number(lot.QualityWeight)} points, price {Rounding.Number(lot.PriceWeight)} points: {Rounding.Percent(lot.QualitySharePercent)} and {Rounding.Percent(lot.PriceSharePercent)} of the total.",
            QualityMethod = lot.QualityMethod == QualityMethod.Absolute
                ? "Quality is marked against the scoring scale: a bid's quality points are its weighted score as a share of full marks."
                : "Quality is marked against the best bid: the eligible bid with the highest weighted score gets full quality points, and every other bid a share in proportion to it.",
            Thresholds = Thresholds(lot),
            Sections = [.. lot.Sections.Select(s => Section(standards, lot, s))],
            Price = Price(lot.Price),
            TieBreak = lot.TieBreak.Rule switch
            {
                TieBreakRule.HighestQuality => "If two bids have the same total, the one with the higher quality score ranks higher.",
                TieBreakRule.LowestPrice => "If two bids have the same total, the one with the lower evaluated price ranks higher.",
                _ => $"If two bids have the same total, the one with the higher score on section {lot.TieBreak.SectionId} ({lot.Sections.FirstOrDefault(s => s.Id == lot.TieBreak.SectionId)?.Title}) ranks higher.",
            },
            AbnormallyLow = lot.AbnormallyLowPercent > 0
                ? $"A price below {Rounding.Percent(lot.AbnormallyLowPercent)} of the median evaluated price of the bids that pass every gate and threshold may be abnormally low. The bidder will be asked to explain it, and no award is made until the answer has been considered."
                : string.Empty,
            Declarations = Declarations(lot),
        };
    }

    private static List<string> Thresholds(Lot lot)
    {
        var lines = new List<string>();
        if (lot.MinimumQualityPercent is { } quality)
        {
            lines.Add($"A bid whose quality score is below {Rounding.Percent(quality)} of the maximum is excluded.");
        }

        lines.AddRange(lot.Sections.Where(s => s.MinimumPercent is not null)
            .Select(s => $"A bid scoring below {Rounding.Percent(s.MinimumPercent!.Value)} of the maximum on section {s.Id} ({s.Title}) is excluded."));
        lines.AddRange(lot.Questions.Where(q => q.MinimumScore is not null)
            .Select(q => $"A bid scoring below {Rounding.Number(q.MinimumScore!.Value)} on question {q.Id} ({q.Title}) is excluded."));
        return lines;
    }

    private static SectionPart Section(StandardsCatalogue standards, Lot lot, Section section)
    {
        var shareOfQuality = lot.SectionSharePercent(section);
        return new SectionPart
        {
            Id = section.Id,
            Title = section.Title,
            Weight = Declared(section.Weight, lot.SectionWeights),
            ShareOfQuality = Rounding.Percent(shareOfQuality),
            ShareOfTotal = Rounding.Percent(shareOfQuality * lot.QualitySharePercent / 100m),
            SocialValue = section.SocialValue,
            Questions = [.. section.Questions.Select(q =>
            {
                var requirement = q.RequirementId is { } id ? standards.FindRequirement(id) : null;
                var shareOfSection = section.QuestionSharePercent(q);
                return new QuestionPart
                {
                    Id = q.Id,
                    Title = q.Title,
                    Text = q.Text,
                    Weight = section.QuestionWeights == WeightUnit.Percent
                        ? $"Weight {Rounding.Percent(q.Weight)} of the section"
                        : $"Weight {Rounding.Number(q.Weight)} points, {Rounding.Percent(shareOfSection)} of the section",
                    ShareOfTotal = Rounding.Percent(shareOfSection * shareOfQuality * lot.QualitySharePercent / 10_000m),
                    MinimumScore = q.MinimumScore is { } minimum ? Rounding.Number(minimum) : string.Empty,
                    Requirement = requirement is null ? string.Empty : $"{requirement.Id} {requirement.Title}",
                    Evidence = requirement?.Evidence ?? [],
                };
            })],
        };
    }

    private static string Declared(decimal weight, WeightUnit unit) =>
        unit == WeightUnit.Percent ? Rounding.Percent(weight) : $"{Rounding.Number(weight)} points";

    private static PricePart Price(PriceModel price)
    {
        var years = Enumerable.Range(1, price.ContractYears).Select(y => $"Contract year {y}")
            .Concat(Enumerable.Range(1, price.ExtensionYears).Select(y => $"Extension year {y}"))
            .ToList();
        var evaluated = price.ExtensionYears == 0
            ? $"The evaluated price is the total of the {price.ContractYears} contract years' prices."
            : price.EvaluateExtensions
                ? $"The evaluated price is the total of the {price.ContractYears} contract years' and the {price.ExtensionYears} extension years' prices."
                : $"The evaluated price is the total of the {price.ContractYears} contract years' prices; the extension years' prices are asked for but do not count in it.";
        var method = price.Method switch
        {
            PriceMethod.Proportional => "Price points are the lowest evaluated price divided by this bid's evaluated price, times the price weight.",
            PriceMethod.Linear => $"Price points fall in a straight line from the full price weight at the lowest evaluated price to none at {(price.Ceiling is { } c ? Rounding.Money(c) : "the ceiling")}.",
            PriceMethod.Deviation => "Price points fall by the bid's percentage above the lowest evaluated price, to no less than zero.",
            _ => "There are no separate price points: each bid's evaluated price is divided by its quality score, and the lowest price per quality point gets the full total.",
        };
        return new PricePart { Rows = years, Evaluated = evaluated, Method = method };
    }

    private static IReadOnlyList<DeclarationLine> Declarations(Lot lot)
    {
        string Decides(params string[] requirementIds)
        {
            var gates = lot.Gates.Where(g => g.RequirementId is { } id && requirementIds.Contains(id)).Select(g => $"{g.Id} {g.Title}").ToList();
            return gates.Count == 0 ? string.Empty : $"Decides gate {string.Join(", ", gates)}.";
        }

        return
        [
            new("SEQOHS accreditation", "Whether you are accredited, working towards accreditation or neither, with the date you were accredited or expect to be.", Decides("SEQ-01")),
            new("Electronic Staff Record interface", "Whether your two-way interface with ESR is live, planned or not in place, with the date it went live or is planned to.", Decides("INF-03")),
            new("Responsible Officer", "The name of the Responsible Officer for your doctors.", Decides("STF-08")),
            new("Consultant qualifications", "Whether your consultant occupational physicians hold a CCT or a CESR in occupational medicine, or that the service has no consultant.", Decides("STF-07")),
            new("Staffing", "Whole-time equivalents of occupational physicians, OH nurses and other clinical staff; the number of nursing practice teachers and of specialty registrar training posts.", Decides("STF-01")),
            new("Sub-specialisms", $"For each of {string.Join(", ", DeclarationChecks.SubSpecialisms.Select(s => $"{s.Value} ({s.Key})"))}: whether you provide it with your own staff, through a named partner, or not at all.", Decides([.. DeclarationChecks.SubSpecialisms.Keys])),
            new("Evidence", "For each requirement a gate or question draws on, the evidence you hold, as listed under each question.", string.Empty),
        ];
    }
}

internal sealed record QuestionnaireModel
{
    public string DocumentKind { get; init; } = "Invitation to tender";
    public required string DocumentTitle { get; init; }
    public required string Title { get; init; }
    public required string Reference { get; init; }
    public required string Regime { get; init; }
    public required string Procedure { get; init; }
    public required string Rationale { get; init; }
    public required IReadOnlyList<MemberLine> Members { get; init; }
    public required int ScaleMaximum { get; init; }
    public required IReadOnlyList<ScaleLine> Scale { get; init; }
    public required IReadOnlyList<LotSection> Lots { get; init; }
}

internal sealed record MemberLine(string Name, string Type, string Headcount);

internal sealed record ScaleLine(int Score, string Label, string Descriptor);

internal sealed record LotSection
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Members { get; init; }
    public required string Headcount { get; init; }
    public required IReadOnlyList<GateLine> Gates { get; init; }
    public required string Weights { get; init; }
    public required string QualityMethod { get; init; }
    public required IReadOnlyList<string> Thresholds { get; init; }
    public required IReadOnlyList<SectionPart> Sections { get; init; }
    public required PricePart Price { get; init; }
    public required string TieBreak { get; init; }
    public required string AbnormallyLow { get; init; }
    public required IReadOnlyList<DeclarationLine> Declarations { get; init; }
}

internal sealed record GateLine
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Requirement { get; init; }
    public required string DecidedBy { get; init; }
}

internal sealed record SectionPart
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Weight { get; init; }
    public required string ShareOfQuality { get; init; }
    public required string ShareOfTotal { get; init; }
    public required bool SocialValue { get; init; }
    public required IReadOnlyList<QuestionPart> Questions { get; init; }
}

internal sealed record QuestionPart
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required string Weight { get; init; }
    public required string ShareOfTotal { get; init; }
    public required string MinimumScore { get; init; }
    public required string Requirement { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
}

internal sealed record PricePart
{
    public required IReadOnlyList<string> Rows { get; init; }
    public required string Evaluated { get; init; }
    public required string Method { get; init; }
}

internal sealed record DeclarationLine(string Name, string WhatToGive, string Decides);
