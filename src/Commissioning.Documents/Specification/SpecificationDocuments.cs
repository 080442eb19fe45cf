using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Documents.Templates;

namespace Commissioning.Documents.Specification;

/// <summary>The output a document is rendered to.</summary>
public enum OutputFormat
{
    /// <summary>Print-ready HTML with the NHS styling and an A4 print stylesheet.</summary>
    Html,
    /// <summary>Markdown (CommonMark with tables).</summary>
    Markdown,
}

/// <summary>
/// The tailored specification as a document: every requirement that applies with its reason,
/// strength, how it is evaluated and the toolkit's judgements, the pass or fail requirements,
/// and the contract's KPI schedule (<see cref="KpiSchedule"/>). Rendered through the templates in
/// <c>templates/specification/</c>.
/// </summary>
public static class SpecificationDocuments
{
    /// <summary>The template for a format, without <c>.scriban</c>.</summary>
    public static string TemplateName(OutputFormat format) => format == OutputFormat.Html ? "specification/specification.html" : "specification/specification.md";

    /// <summary>Renders the specification for one organisation.</summary>
    public static string Render(TemplateSet templates, StandardsCatalogue standards, Core.Tailoring.Specification specification, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Render(TemplateName(format), Model(standards, specification));
    }

    /// <summary>Renders the combined specification for several organisations buying together.</summary>
    public static string Render(TemplateSet templates, StandardsCatalogue standards, CollaborativeSpecification specification, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Render(TemplateName(format), Model(standards, specification));
    }

    internal static SpecificationModel Model(StandardsCatalogue standards, Core.Tailoring.Specification specification)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(specification);
        var forProviders = specification.ForProviders.ToList();
        var name = specification.Profile.Name;
        return new SpecificationModel
        {
            DocumentTitle = $"Occupational health service specification for {name}",
            Heading = $"What an occupational health service for {name} must provide",
            IsCollaborative = false,
            Members = [Member(specification.Profile)],
            TotalHeadcount = DocumentWords.Count(specification.Profile.Headcount),
            Counts = Counts(forProviders.Select(i => (i.Strength, i.Evaluation)).ToList(), specification.Items.Count),
            Duties = [.. specification.CommissionerDuties.Select(d => new RequirementRef(d.Requirement.Id, d.Requirement.Title))],
            Gates = [.. specification.Gates.Select(g => new GateLine(g.Requirement.Id, g.Requirement.Title, g.Reason))],
            Areas = [.. standards.RuleSets.Select(r => Area(standards, r, specification.Items.Where(i => i.Requirement.RuleSetId == r.Id)
                .Select(i => (i.Requirement, i.Applies, i.Strength, i.Evaluation, i.Reason, (IReadOnlyList<MemberReason>)[]))))],
            Kpis = Kpis(standards, KpiSchedule.For(specification)),
            KpiProvenance = KpiSchedule.Provenance,
            Sources = Sources(standards),
        };
    }

    internal static SpecificationModel Model(StandardsCatalogue standards, CollaborativeSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(specification);
        var applicable = specification.Applicable.ToList();
        var forProviders = applicable.Where(i => !i.Requirement.IsCommissionerDuty).ToList();
        var count = specification.Members.Count;
        return new SpecificationModel
        {
            DocumentTitle = $"Occupational health service specification for {count} organisations buying together",
            Heading = $"What an occupational health service for {count} organisations buying together must provide",
            IsCollaborative = true,
            Members = [.. specification.Members.Select(Member)],
            TotalHeadcount = DocumentWords.Count(specification.TotalHeadcount),
            Counts = Counts(forProviders.Select(i => (i.Strength, i.Evaluation)).ToList(), specification.Items.Count),
            Duties = [.. applicable.Where(i => i.Requirement.IsCommissionerDuty).Select(d => new RequirementRef(d.Requirement.Id, d.Requirement.Title))],
            Gates = [.. forProviders.Where(i => i.Evaluation == EvaluationMethod.Gate).Select(g => new GateLine(g.Requirement.Id, g.Requirement.Title, g.Summary))],
            Areas = [.. standards.RuleSets.Select(r => Area(standards, r, specification.Items.Where(i => i.Requirement.RuleSetId == r.Id)
                .Select(i => (i.Requirement, i.Applies, i.Strength, i.Evaluation, i.Summary, MemberReasons(i)))))],
            Kpis = Kpis(standards, KpiSchedule.For(specification)),
            KpiProvenance = KpiSchedule.Provenance,
            Sources = Sources(standards),
        };
    }

    private static IReadOnlyList<MemberReason> MemberReasons(CombinedRequirement item) =>
        item.Requirement.IsConditional ? [.. item.Members.Select(m => new MemberReason(m.Member.Name, m.Tailored.Reason))] : [];

    private static MemberLine Member(OrganisationProfile profile) => new()
    {
        Name = profile.Name,
        Type = DocumentWords.Capital(Vocabulary.Of(profile.Type).Label),
        Headcount = DocumentWords.Count(profile.Headcount),
        HostsMedicalTrainees = profile.HostsMedicalTrainees ? "Yes" : "No",
        Exposures = profile.AllExposures.Count == 0 ? "None" : string.Join("; ", profile.AllExposures.Select(e => Vocabulary.Of(e).Label)),
        HealthNeeds = profile.PopulationHealthNeeds.Count == 0 ? "None given" : string.Join("; ", profile.PopulationHealthNeeds),
        CurrentDelivery = DocumentWords.Capital(Vocabulary.Of(profile.CurrentDelivery).Label),
    };

    private static StrengthCounts Counts(List<(Strength Strength, EvaluationMethod Evaluation)> items, int total) => new()
    {
        Applying = items.Count,
        Total = total,
        Must = items.Count(i => i.Strength == Strength.Must),
        Gates = items.Count(i => i.Evaluation == EvaluationMethod.Gate),
        Should = items.Count(i => i.Strength == Strength.Should),
        GoodPractice = items.Count(i => i.Strength == Strength.GoodPractice),
        Optional = items.Count(i => i.Strength == Strength.Optional),
    };

    private static AreaSection Area(StandardsCatalogue standards, RuleSet ruleSet, IEnumerable<(Requirement Requirement, bool Applies, Strength Strength, EvaluationMethod Evaluation, string Reason, IReadOnlyList<MemberReason> Members)> items)
    {
        var list = items.ToList();
        return new AreaSection
        {
            Id = ruleSet.Id,
            Title = ruleSet.Title,
            Summary = ruleSet.Summary,
            Requirements = [.. list.Where(i => i.Applies).Select(i => new RequirementSection
            {
                Id = i.Requirement.Id,
                Title = i.Requirement.Title,
                StatementHtml = new TrustedHtml(SafeMarkdown.ToHtml(i.Requirement.Statement)),
                Statement = i.Requirement.Statement,
                Strength = DocumentWords.Strength(i.Strength),
                Evaluation = DocumentWords.Evaluation(i.Evaluation),
                IsGate = i.Evaluation == EvaluationMethod.Gate && !i.Requirement.IsCommissionerDuty,
                IsDuty = i.Requirement.IsCommissionerDuty,
                HowEvaluated = DocumentWords.EvaluationSentence(i.Evaluation, i.Requirement.IsCommissionerDuty),
                Reason = i.Reason,
                MemberReasons = i.Members,
                // As on the site's specification: every judgement but the maturity mapping, which the specification does not show.
                Judgements = [.. i.Requirement.Judgements.Where(j => j.Field != JudgedField.Maturity).Select(j => new JudgementLine(DocumentWords.JudgedField(j.Field), j.Reason))],
                Question = i.Requirement.ProviderQuestion,
                Evidence = i.Requirement.Evidence,
                Sources = [.. i.Requirement.Sources.Select(s => s.ToString())],
            })],
            NotApplying = [.. list.Where(i => !i.Applies).Select(i => new GateLine(i.Requirement.Id, i.Requirement.Title, i.Reason))],
        };
    }

    private static KpiSection Kpis(StandardsCatalogue standards, IReadOnlyList<KpiMeasure> measures)
    {
        KpiLine Line(KpiMeasure m) => new()
        {
            Id = m.Id,
            Name = m.Name,
            Definition = m.Definition,
            RequirementId = m.RequirementId,
            RequirementTitle = standards.FindRequirement(m.RequirementId)?.Title ?? m.RequirementId,
            Sources = [.. m.Sources.Select(s => s.ToString())],
            Frequency = DocumentWords.Frequency(m.Frequency),
            FrequencyReason = DocumentWords.Capital(m.FrequencyReason) + ".",
            SuggestedTarget = m.SuggestedTarget,
            TargetReason = DocumentWords.Capital(m.TargetReason) + ".",
        };

        return new KpiSection
        {
            Input = [.. measures.Where(m => m.Kind == MeasureKind.Input).Select(Line)],
            Output = [.. measures.Where(m => m.Kind == MeasureKind.Output).Select(Line)],
        };
    }

    private static IReadOnlyList<SourceLine> Sources(StandardsCatalogue standards) =>
        [.. standards.Sources.Select(s => new SourceLine(s.Key, s.Title, s.Publisher, s.Published))];
}

/// <summary>The specification document's model: the template's variables under their C# names.</summary>
internal sealed record SpecificationModel
{
    public string DocumentKind { get; init; } = "Tailored specification";
    public required string DocumentTitle { get; init; }
    public required string Heading { get; init; }
    public required bool IsCollaborative { get; init; }
    public required IReadOnlyList<MemberLine> Members { get; init; }
    public required string TotalHeadcount { get; init; }
    public required StrengthCounts Counts { get; init; }
    public required IReadOnlyList<RequirementRef> Duties { get; init; }
    public required IReadOnlyList<GateLine> Gates { get; init; }
    public required IReadOnlyList<AreaSection> Areas { get; init; }
    public required KpiSection Kpis { get; init; }
    public required string KpiProvenance { get; init; }
    public required IReadOnlyList<SourceLine> Sources { get; init; }
}

internal sealed record MemberLine
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Headcount { get; init; }
    public required string HostsMedicalTrainees { get; init; }
    public required string Exposures { get; init; }
    public required string HealthNeeds { get; init; }
    public required string CurrentDelivery { get; init; }
}

internal sealed record StrengthCounts
{
    public required int Applying { get; init; }
    public required int Total { get; init; }
    public required int Must { get; init; }
    public required int Gates { get; init; }
    public required int Should { get; init; }
    public required int GoodPractice { get; init; }
    public required int Optional { get; init; }
}

internal sealed record RequirementRef(string Id, string Title);

internal sealed record GateLine(string Id, string Title, string Reason);

internal sealed record MemberReason(string Name, string Reason);

internal sealed record JudgementLine(string Field, string Reason);

internal sealed record AreaSection
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<RequirementSection> Requirements { get; init; }
    public required IReadOnlyList<GateLine> NotApplying { get; init; }
}

internal sealed record RequirementSection
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required TrustedHtml StatementHtml { get; init; }
    public required string Statement { get; init; }
    public required string Strength { get; init; }
    public required string Evaluation { get; init; }
    public required bool IsGate { get; init; }
    public required bool IsDuty { get; init; }
    public required string HowEvaluated { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<MemberReason> MemberReasons { get; init; }
    public required IReadOnlyList<JudgementLine> Judgements { get; init; }
    public required string Question { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
}

internal sealed record KpiSection
{
    public required IReadOnlyList<KpiLine> Input { get; init; }
    public required IReadOnlyList<KpiLine> Output { get; init; }
}

internal sealed record KpiLine
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Definition { get; init; }
    public required string RequirementId { get; init; }
    public required string RequirementTitle { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required string Frequency { get; init; }
    public required string FrequencyReason { get; init; }
    public required string SuggestedTarget { get; init; }
    public required string TargetReason { get; init; }
}

internal sealed record SourceLine(string Key, string Title, string Publisher, string Published);
