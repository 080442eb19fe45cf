using System.Collections.Frozen;
using Commissioning.Core.Conditions;

namespace Commissioning.Core.Standards;

/// <summary>How firmly the source states a requirement. Ordered: a greater value is stronger.</summary>
public enum Strength
{
    /// <summary>Named by the source as optional (SEQOHS domain 6, for example).</summary>
    Optional = 0,
    /// <summary>Recommended as good practice.</summary>
    GoodPractice = 1,
    /// <summary>Expected unless there is a good reason.</summary>
    Should = 2,
    /// <summary>Required.</summary>
    Must = 3,
}

/// <summary>How a requirement is used when bids are evaluated. Ordered: a greater value weighs more.</summary>
public enum EvaluationMethod
{
    /// <summary>Asked for information; not scored.</summary>
    Information = 1,
    /// <summary>Scored against the scoring scale.</summary>
    Scored = 2,
    /// <summary>Pass or fail; failing disqualifies the bid.</summary>
    Gate = 3,
}

/// <summary>
/// The maturity levels named by the OHWB service development framework (Growing OHWB Together,
/// 2.3). The roadmap names the three levels but does not define them, so what each level means,
/// and the level given to each requirement, is the toolkit's mapping, not the roadmap's.
/// </summary>
public enum MaturityLevel
{
    /// <summary>Core delivery.</summary>
    Core = 1,
    /// <summary>Transformative.</summary>
    Transformative = 2,
    /// <summary>Exemplary.</summary>
    Exemplary = 3,
}

/// <summary>Who a requirement puts the duty on.</summary>
public enum DutyHolder
{
    /// <summary>The provider: the requirement is put to bidders (the default).</summary>
    Provider = 0,
    /// <summary>
    /// The buying organisation itself: providers are asked about it for information only, and it
    /// is never scored or made pass or fail against them.
    /// </summary>
    Commissioner = 1,
}

/// <summary>A field of a requirement that the file can mark as the toolkit's judgement.</summary>
public enum JudgedField
{
    /// <summary>The strength (must, should, good practice, optional).</summary>
    Strength,
    /// <summary>How it is evaluated (gate, scored, information).</summary>
    EvaluatedAs,
    /// <summary>The condition for it to apply.</summary>
    AppliesWhen,
    /// <summary>The condition that makes it a must and a gate.</summary>
    EssentialWhen,
    /// <summary>Its maturity level.</summary>
    Maturity,
}

/// <summary>
/// A field where the requirement goes beyond the words of its sources, with the toolkit's
/// one-line reason for going there.
/// </summary>
/// <param name="Field">The field the toolkit decided.</param>
/// <param name="Reason">Why, in one line of plain English.</param>
public sealed record ToolkitJudgement(JudgedField Field, string Reason);

/// <summary>A place in a source document: its key in <c>sources.md</c> and the section name.</summary>
public sealed record SourceReference(string DocumentKey, string Section)
{
    /// <inheritdoc />
    public override string ToString() => $"{DocumentKey} § {Section}";
}

/// <summary>A question the guide tells commissioners to ask, in our words, with its stable id (GQ-nn).</summary>
public sealed record GuideQuestion(string Id, string Text);

/// <summary>One requirement of a rule set.</summary>
public sealed record Requirement
{
    /// <summary>Stable id, such as <c>INF-03</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Short title.</summary>
    public required string Title { get; init; }
    /// <summary>What is expected, as Markdown.</summary>
    public required string Statement { get; init; }
    /// <summary>The strength as the source words it.</summary>
    public required Strength Strength { get; init; }
    /// <summary>How it is evaluated by default.</summary>
    public required EvaluationMethod Evaluation { get; init; }
    /// <summary>When it applies to an organisation.</summary>
    public required Condition AppliesWhen { get; init; }
    /// <summary>Where this holds, the requirement becomes a must and a gate.</summary>
    public Condition? EssentialWhen { get; init; }
    /// <summary>The maturity level it belongs to.</summary>
    public required MaturityLevel Maturity { get; init; }
    /// <summary>The question sent to providers.</summary>
    public required string ProviderQuestion { get; init; }
    /// <summary>The evidence that answers the question.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }
    /// <summary>The guide's commissioner question this requirement tests, if any.</summary>
    public GuideQuestion? GuideQuestion { get; init; }
    /// <summary>Where the requirement comes from.</summary>
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    /// <summary>The id of the rule set that holds it.</summary>
    public required string RuleSetId { get; init; }
    /// <summary>The 1-based line of its heading in the file.</summary>
    public required int Line { get; init; }
    /// <summary>Who the requirement puts the duty on; providers unless the file says otherwise.</summary>
    public DutyHolder DutyOf { get; init; } = DutyHolder.Provider;
    /// <summary>The fields that go beyond the sources' words, each with the toolkit's reason, in file order.</summary>
    public IReadOnlyList<ToolkitJudgement> Judgements { get; init; } = [];

    /// <summary>The toolkit's reason for a field, or null when the field follows the sources' words.</summary>
    public string? JudgementOn(JudgedField field) => Judgements.FirstOrDefault(j => j.Field == field)?.Reason;

    /// <summary>True when the duty is the buying organisation's own, not the provider's.</summary>
    public bool IsCommissionerDuty => DutyOf == DutyHolder.Commissioner;

    /// <summary>True when the organisation profile can change whether or how strongly it applies.</summary>
    public bool IsConditional => AppliesWhen is not AlwaysCondition || EssentialWhen is not null;
}

/// <summary>One area of the guide, parsed from one file.</summary>
public sealed record RuleSet
{
    /// <summary>Stable id, such as <c>staffing</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Position in the guide.</summary>
    public required int Order { get; init; }
    /// <summary>One-sentence summary.</summary>
    public required string Summary { get; init; }
    /// <summary>The introduction before the first requirement, as Markdown.</summary>
    public required string Introduction { get; init; }
    /// <summary>The requirements in file order.</summary>
    public required IReadOnlyList<Requirement> Requirements { get; init; }
    /// <summary>The file name it came from.</summary>
    public required string FileName { get; init; }
}

/// <summary>A source document the rule sets cite.</summary>
public sealed record SourceDocument
{
    /// <summary>Key, such as <c>COHS-2023</c>.</summary>
    public required string Key { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Publisher.</summary>
    public required string Publisher { get; init; }
    /// <summary>When it was published, as the document says it.</summary>
    public required string Published { get; init; }
    /// <summary>The sections that may be cited.</summary>
    public required IReadOnlyList<string> Sections { get; init; }
}

/// <summary>A term explained for people who do not know it.</summary>
public sealed record GlossaryTerm
{
    /// <summary>The term as written.</summary>
    public required string Term { get; init; }
    /// <summary>What an abbreviation stands for, if it is one.</summary>
    public string? StandsFor { get; init; }
    /// <summary>The explanation, as Markdown.</summary>
    public required string Definition { get; init; }
    /// <summary>The 1-based line of its heading in <c>glossary.md</c>.</summary>
    public int Line { get; init; }
}

/// <summary>
/// The loaded standards: every rule set, source and glossary term. Immutable and safe to share
/// between threads; load it once (see <see cref="StandardsParser"/>).
/// </summary>
public sealed class StandardsCatalogue
{
    private readonly FrozenDictionary<string, Requirement> _requirements;
    private readonly FrozenDictionary<string, RuleSet> _ruleSets;

    internal StandardsCatalogue(IReadOnlyList<RuleSet> ruleSets, IReadOnlyList<SourceDocument> sources, IReadOnlyList<GlossaryTerm> glossary)
    {
        RuleSets = [.. ruleSets.OrderBy(r => r.Order)];
        Sources = sources;
        Glossary = [.. glossary.OrderBy(g => g.Term, StringComparer.OrdinalIgnoreCase)];
        Requirements = [.. RuleSets.SelectMany(r => r.Requirements)];
        _requirements = Requirements.ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _ruleSets = RuleSets.ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        GuideQuestions = [.. Requirements.Where(r => r.GuideQuestion is not null).Select(r => r.GuideQuestion!).OrderBy(q => q.Id, StringComparer.Ordinal)];
    }

    /// <summary>The rule sets in guide order.</summary>
    public IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>Every requirement, in guide order.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Every guide question, by id.</summary>
    public IReadOnlyList<GuideQuestion> GuideQuestions { get; }

    /// <summary>The cited documents.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }

    /// <summary>The glossary, alphabetical.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; }

    /// <summary>Finds a requirement by id (case-insensitive).</summary>
    public Requirement? FindRequirement(string id) => _requirements.GetValueOrDefault(id);

    /// <summary>Finds a rule set by id (case-insensitive).</summary>
    public RuleSet? FindRuleSet(string id) => _ruleSets.GetValueOrDefault(id);

    /// <summary>The rule set that holds a requirement.</summary>
    public RuleSet RuleSetOf(Requirement requirement) => _ruleSets[requirement.RuleSetId];

    /// <summary>The requirement that carries a guide question.</summary>
    public Requirement? RequirementForGuideQuestion(string guideQuestionId) =>
        Requirements.FirstOrDefault(r => string.Equals(r.GuideQuestion?.Id, guideQuestionId, StringComparison.OrdinalIgnoreCase));
}
