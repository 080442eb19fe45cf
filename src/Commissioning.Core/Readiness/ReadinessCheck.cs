using Commissioning.Core.Evaluation;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders;

namespace Commissioning.Core.Readiness;

/// <summary>Where a provider stands on one requirement.</summary>
public enum ReadinessStatus
{
    /// <summary>The declarations meet it, or evidence is held.</summary>
    Ready,
    /// <summary>No evidence held yet.</summary>
    NoEvidence,
    /// <summary>The declarations fail it; it is a gate, so the bid would be disqualified.</summary>
    FailsGate,
    /// <summary>The declarations fail it; it is not a gate.</summary>
    NotMet,
}

/// <summary>One requirement in a readiness report.</summary>
public sealed record ReadinessItem
{
    /// <summary>The requirement.</summary>
    public required Requirement Requirement { get; init; }
    /// <summary>Its strength for this target.</summary>
    public required Strength Strength { get; init; }
    /// <summary>How it is evaluated for this target.</summary>
    public required EvaluationMethod Evaluation { get; init; }
    /// <summary>Where the provider stands.</summary>
    public required ReadinessStatus Status { get; init; }
    /// <summary>What the declarations say, where they decide it.</summary>
    public string? DeclaredPosition { get; init; }
    /// <summary>The evidence the provider says it holds.</summary>
    public required IReadOnlyList<string> EvidenceHeld { get; init; }
    /// <summary>Why it is required here (from tailoring or the tender).</summary>
    public required string Why { get; init; }
}

/// <summary>A gate the provider would fail, or that the panel decides on evidence.</summary>
public sealed record GateReadiness(string Id, string Title, string? RequirementId, ReadinessStatus Status, string Explanation);

/// <summary>Readiness for one area of the standards.</summary>
public sealed record AreaReadiness
{
    /// <summary>The rule set.</summary>
    public required RuleSet Area { get; init; }
    /// <summary>Requirements that apply.</summary>
    public required int Applicable { get; init; }
    /// <summary>Requirements ready.</summary>
    public required int Ready { get; init; }
    /// <summary>Ready share, weighting must 3, should 2 and good practice 1, in percent.</summary>
    public required decimal Percent { get; init; }
}

/// <summary>A provider's readiness against a tailored specification or a tender.</summary>
public sealed record ReadinessReport
{
    /// <summary>The provider.</summary>
    public required string Provider { get; init; }
    /// <summary>What it was checked against, in words.</summary>
    public required string Target { get; init; }
    /// <summary>Gates and how the provider stands on each.</summary>
    public required IReadOnlyList<GateReadiness> Gates { get; init; }
    /// <summary>Every requirement that applies, in guide order.</summary>
    public required IReadOnlyList<ReadinessItem> Items { get; init; }
    /// <summary>Readiness by area.</summary>
    public required IReadOnlyList<AreaReadiness> Areas { get; init; }
    /// <summary>Overall readiness, weighted as for areas, in percent.</summary>
    public required decimal OverallPercent { get; init; }

    /// <summary>Gates the provider would fail on its declarations.</summary>
    public IEnumerable<GateReadiness> GatesFailed => Gates.Where(g => g.Status == ReadinessStatus.FailsGate);
    /// <summary>Must requirements not yet ready.</summary>
    public IEnumerable<ReadinessItem> MustGaps => Items.Where(i => i.Strength == Strength.Must && i.Status != ReadinessStatus.Ready);
    /// <summary>Should requirements not yet ready.</summary>
    public IEnumerable<ReadinessItem> ShouldGaps => Items.Where(i => i.Strength == Strength.Should && i.Status != ReadinessStatus.Ready);
    /// <summary>Gates decided on evidence the provider has not said it holds.</summary>
    public IEnumerable<GateReadiness> GatesUndecided => Gates.Where(g => g.Status == ReadinessStatus.NoEvidence);
    /// <summary>How many requirements are ready.</summary>
    public int ReadyCount => Items.Count(i => i.Status == ReadinessStatus.Ready);

    /// <summary>
    /// The items most urgent first, as the report orders its sections: a gate the bid would fail,
    /// then must, then should requirements not yet ready, then anything else not ready, then those
    /// ready; within each, guide order.
    /// </summary>
    public IReadOnlyList<ReadinessItem> ByUrgency() =>
        [.. Items.Select((item, index) => (item, index)).OrderBy(p => Urgency(p.item)).ThenBy(p => p.index).Select(p => p.item)];

    private static int Urgency(ReadinessItem item) => item switch
    {
        { Status: ReadinessStatus.FailsGate } => 0,
        { Status: ReadinessStatus.Ready } => 4,
        { Strength: Strength.Must } => 1,
        { Strength: Strength.Should } => 2,
        _ => 3,
    };
}

/// <summary>
/// Checks a provider's declarations against what a buyer will ask: the gates it would fail, the
/// must and should requirements without evidence, an evidence checklist and readiness by area.
/// </summary>
public static class ReadinessCheck
{
    /// <summary>What <see cref="AgainstStandards"/> names as the report's target.</summary>
    public const string StandardsTarget = "the standards, for no buyer in particular";

    /// <summary>
    /// Against the standards themselves, for no buyer in particular: every requirement a provider
    /// answers (not the commissioner's own duties), at the strength and with the method its rule
    /// set gives it. A buyer's tailoring can make a conditional requirement apply or not, and some
    /// become musts for some buyers; each item's reason says so.
    /// </summary>
    public static ReadinessReport AgainstStandards(StandardsCatalogue standards, string provider, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(standards);
        var targets = standards.Requirements.Where(r => !r.IsCommissionerDuty).Select(r => new Target(r, r.Strength, r.Evaluation, WhyAsked(r)));
        return Build(standards, StandardsTarget, targets, [], provider, declarations);
    }

    /// <summary>Which buyers ask for a requirement, from its conditions.</summary>
    private static string WhyAsked(Requirement requirement)
    {
        var who = requirement.AppliesWhen is Conditions.AlwaysCondition
            ? "Every buyer can ask for it."
            : $"Buyers ask for it where it applies: {requirement.AppliesWhen.Describe()}.";
        return requirement.EssentialWhen is { } essential
            ? $"{who} It becomes a must and a pass or fail gate for buyers where {essential.Describe()}."
            : who;
    }

    /// <summary>Against one organisation's tailored specification.</summary>
    public static ReadinessReport Against(StandardsCatalogue standards, Specification specification, string provider, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(specification);
        // The organisation's own duties as commissioner (CORE-07) are not the provider's to be ready for.
        var targets = specification.ForProviders.Select(i => new Target(i.Requirement, i.Strength, i.Evaluation, i.Reason));
        return Build(standards, $"the specification for {specification.Profile.Name}", targets, [], provider, declarations);
    }

    /// <summary>Against a collaborative specification for several organisations.</summary>
    public static ReadinessReport Against(StandardsCatalogue standards, CollaborativeSpecification specification, string provider, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var targets = specification.Applicable.Where(i => !i.Requirement.IsCommissionerDuty).Select(i => new Target(i.Requirement, i.Strength, i.Evaluation, i.Summary));
        return Build(standards, $"the combined specification for {string.Join(", ", specification.Members.Select(m => m.Name))}", targets, [], provider, declarations);
    }

    /// <summary>Against a published tender: the requirements its questions and gates cite, across every lot or one.</summary>
    public static ReadinessReport AgainstTender(StandardsCatalogue standards, Tender tender, string provider, Declarations declarations, string? lotId = null)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(tender);
        var lots = tender.Lots.Where(l => lotId is null || l.Id == lotId).ToList();
        var gates = lots.SelectMany(l => l.Gates).ToList();
        var gateRequirements = gates.Where(g => g.RequirementId is not null).Select(g => g.RequirementId!).ToHashSet(StringComparer.Ordinal);
        var guideOrder = standards.Requirements.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var cited = lots.SelectMany(l => l.Questions).Where(q => q.RequirementId is not null).Select(q => q.RequirementId!)
            .Concat(gateRequirements)
            .Distinct(StringComparer.Ordinal)
            .Select(standards.FindRequirement)
            .Where(r => r is not null)
            .Select(r => r!)
            .OrderBy(r => guideOrder[r.Id]);
        var targets = cited.Select(r => gateRequirements.Contains(r.Id)
            ? new Target(r, Strength.Must, EvaluationMethod.Gate, "The tender makes it a pass or fail gate.")
            : new Target(r, r.Strength, EvaluationMethod.Scored, "The tender scores a question on it."));
        var name = lotId is null ? tender.Title : $"{tender.Title}, {lots.FirstOrDefault()?.Title ?? lotId}";
        return Build(standards, name, targets, gates, provider, declarations);
    }

    private sealed record Target(Requirement Requirement, Strength Strength, EvaluationMethod Evaluation, string Why);

    private static ReadinessReport Build(StandardsCatalogue standards, string targetName, IEnumerable<Target> targets, List<Gate> tenderGates, string provider, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(declarations);
        var items = targets.Select(t => Item(t, declarations)).ToList();

        var gates = new List<GateReadiness>();
        if (tenderGates.Count > 0)
        {
            foreach (var gate in tenderGates.DistinctBy(g => (g.Id, g.Title)))
            {
                var item = items.FirstOrDefault(i => i.Requirement.Id == gate.RequirementId);
                var status = item?.Status ?? ReadinessStatus.NoEvidence;
                var explanation = item?.DeclaredPosition is { } position
                    ? Capital(position) + "."
                    : status == ReadinessStatus.Ready
                        ? "Evidence held; the panel decides this gate."
                        : $"The panel decides this gate on evidence: {gate.Description}";
                gates.Add(new GateReadiness(gate.Id, gate.Title, gate.RequirementId, status, explanation));
            }
        }
        else
        {
            gates.AddRange(items.Where(i => i.Evaluation == EvaluationMethod.Gate).Select(i =>
                new GateReadiness(i.Requirement.Id, i.Requirement.Title, i.Requirement.Id, i.Status,
                    i.DeclaredPosition is { } p ? Capital(p) + "." : i.Status == ReadinessStatus.Ready ? "Evidence held." : "No evidence held yet.")));
        }

        var areas = standards.RuleSets
            .Select(r => (Area: r, Items: items.Where(i => i.Requirement.RuleSetId == r.Id).ToList()))
            .Where(a => a.Items.Count > 0)
            .Select(a => new AreaReadiness { Area = a.Area, Applicable = a.Items.Count, Ready = a.Items.Count(i => i.Status == ReadinessStatus.Ready), Percent = Weighted(a.Items) })
            .ToList();

        return new ReadinessReport
        {
            Provider = provider,
            Target = targetName,
            Gates = gates,
            Items = items,
            Areas = areas,
            OverallPercent = Weighted(items),
        };
    }

    private static ReadinessItem Item(Target target, Declarations declarations)
    {
        var held = declarations.Evidence.GetValueOrDefault(target.Requirement.Id) ?? [];
        var check = DeclarationChecks.Check(target.Requirement.Id, declarations);
        var status = check switch
        {
            { Passed: true } => ReadinessStatus.Ready,
            { Passed: false } => target.Evaluation == EvaluationMethod.Gate ? ReadinessStatus.FailsGate : ReadinessStatus.NotMet,
            null => held.Count > 0 ? ReadinessStatus.Ready : ReadinessStatus.NoEvidence,
        };
        return new ReadinessItem
        {
            Requirement = target.Requirement,
            Strength = target.Strength,
            Evaluation = target.Evaluation,
            Status = status,
            DeclaredPosition = check?.Reason,
            EvidenceHeld = held,
            Why = target.Why,
        };
    }

    /// <summary>Ready share in percent, counting must 3, should 2 and good practice 1.</summary>
    private static decimal Weighted(IReadOnlyCollection<ReadinessItem> items)
    {
        static decimal Weight(Strength strength) => strength switch
        {
            Strength.Must => 3m,
            Strength.Should => 2m,
            _ => 1m,
        };

        var total = items.Sum(i => Weight(i.Strength));
        return total == 0 ? 100m : 100m * items.Where(i => i.Status == ReadinessStatus.Ready).Sum(i => Weight(i.Strength)) / total;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
