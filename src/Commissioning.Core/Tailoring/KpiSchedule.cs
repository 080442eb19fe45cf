using Commissioning.Core.Standards;

namespace Commissioning.Core.Tailoring;

/// <summary>Which of the roadmap's two kinds of measure a KPI is.</summary>
public enum MeasureKind
{
    /// <summary>An input measure: how much the service is doing (the roadmap's referrals, appointments, waiting times, caseload).</summary>
    Input,
    /// <summary>An output measure: the difference the service makes (the roadmap's outcomes, return to work, satisfaction and so on).</summary>
    Output,
}

/// <summary>How often the provider reports a measure. Ordered from the most to the least often.</summary>
public enum ReportingFrequency
{
    /// <summary>Every calendar month.</summary>
    Monthly,
    /// <summary>Every quarter.</summary>
    Quarterly,
    /// <summary>Once a contract year.</summary>
    Annually,
}

/// <summary>
/// One key performance indicator of the contract: a measure the roadmap names, how the toolkit
/// suggests counting it, how often it is reported and a target to agree. The roadmap names the
/// measures and nothing more, so the definition's detail, the frequency and the target are the
/// toolkit's suggestions, each with its reason, for the buyer and provider to agree.
/// </summary>
public sealed record KpiMeasure
{
    /// <summary>Stable id, such as <c>KPI-03</c>, to quote in the contract.</summary>
    public required string Id { get; init; }
    /// <summary>Input (activity) or output (results).</summary>
    public required MeasureKind Kind { get; init; }
    /// <summary>Short name, such as "Waiting times".</summary>
    public required string Name { get; init; }
    /// <summary>What is counted and how, in the toolkit's words.</summary>
    public required string Definition { get; init; }
    /// <summary>The requirement of the standards that asks the provider to report it (<c>DAT-01</c> or <c>DAT-02</c>).</summary>
    public required string RequirementId { get; init; }
    /// <summary>Where the measure comes from.</summary>
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    /// <summary>How often it is reported: the toolkit's judgement.</summary>
    public required ReportingFrequency Frequency { get; init; }
    /// <summary>Why that frequency: the sources give none.</summary>
    public required string FrequencyReason { get; init; }
    /// <summary>A target for the buyer and provider to agree: the toolkit's suggestion, never a figure from the sources.</summary>
    public required string SuggestedTarget { get; init; }
    /// <summary>Why that target: the sources give none.</summary>
    public required string TargetReason { get; init; }
}

/// <summary>
/// The contract's KPI schedule: the input and output measures of NHS England's roadmap
/// (GOHWBT-2022 § 4.1), which the standards ask providers to report through DAT-01 (input) and
/// DAT-02 (output). Kept as data in Core, beside the specification it belongs to, so the
/// documents, the command line and later the site show the same schedule. Pure: no I/O.
/// </summary>
public static class KpiSchedule
{
    private static readonly SourceReference Roadmap = new("GOHWBT-2022", "4.1 Using data to demonstrate the impact of OHWB");
    private static readonly SourceReference Pilot = new("EOHWB-PILOT-2021", "Phase 1 findings");

    /// <summary>What the documents say about where the schedule's parts come from.</summary>
    public const string Provenance =
        "The measures are the examples of input and output measures in NHS England's roadmap (GOHWBT-2022 § 4.1). The roadmap names them but does not define them or say how often to report them or what to aim for, so each definition is the toolkit's suggested way of counting, and each frequency and target is the toolkit's judgement, with its reason. Agree all three with the provider before the contract is signed.";

    private const string BaselineReason =
        "the sources give no figure, and a target set before the service has been measured would be a guess; a baseline from the provider's own first figures gives a fair starting point";

    /// <summary>Every measure, input measures first, in the roadmap's order.</summary>
    public static IReadOnlyList<KpiMeasure> Measures { get; } =
    [
        new()
        {
            Id = "KPI-01", Kind = MeasureKind.Input, Name = "Referrals", RequirementId = "DAT-01", Sources = [Roadmap, Pilot],
            Definition = "The number of referrals received in the period, split by member organisation, by staff group and by route (referred by a manager or by the member of staff), so that you can see who is and is not using the service.",
            Frequency = ReportingFrequency.Monthly,
            FrequencyReason = "a change in demand should show within weeks, while there is still time to adjust staffing",
            SuggestedTarget = "No target: referrals measure demand, not performance. Agree an expected volume for each member from its past referrals, and ask the provider to explain any month well above or below it, by a margin you agree with the provider.",
            TargetReason = "a target on referrals would reward turning staff away or drumming up demand; an expected volume lets you check the price and staffing against the work",
        },
        new()
        {
            Id = "KPI-02", Kind = MeasureKind.Input, Name = "Appointments", RequirementId = "DAT-01", Sources = [Roadmap],
            Definition = "The number of appointments offered, attended, cancelled and not attended in the period, by the kind of clinician seen (doctor, nurse, other clinician) and by whether they were face to face, by telephone or by video.",
            Frequency = ReportingFrequency.Monthly,
            FrequencyReason = "appointments are the work the contract pays for, and counting them monthly lets them be read beside the month's referrals and waiting times",
            SuggestedTarget = "Agree, after a baseline quarter, the share of appointments not attended above which the provider and you review reminders and booking.",
            TargetReason = BaselineReason,
        },
        new()
        {
            Id = "KPI-03", Kind = MeasureKind.Input, Name = "Waiting times", RequirementId = "DAT-01", Sources = [Roadmap],
            Definition = "For each kind of appointment (management referral, self-referral, pre-placement check, immunisation, treatment), the time from receiving a complete referral to the first appointment offered: the median, the longest wait, and the share of people offered an appointment within the agreed maximum wait.",
            Frequency = ReportingFrequency.Monthly,
            FrequencyReason = "staff waiting too long is the problem most likely to need action within the month",
            SuggestedTarget = "Agree a maximum wait for each kind of appointment before the contract starts, and the share of people to be offered an appointment within it.",
            TargetReason = "the sources set no waiting time standard; the right maximum depends on the kind of appointment and on what you buy, so it is yours and the provider's to agree",
        },
        new()
        {
            Id = "KPI-04", Kind = MeasureKind.Input, Name = "Caseload", RequirementId = "DAT-01", Sources = [Roadmap],
            Definition = "The number of open cases at the end of the period for each clinical profession, and per whole-time equivalent clinician of that profession.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "caseload changes more slowly than referrals, and is read with a quarter's waiting times to judge whether staffing keeps up",
            SuggestedTarget = "No target in itself. Agree a caseload per clinician above which the provider tells you and proposes what it will do.",
            TargetReason = "the sources give no safe caseload, and a suitable one depends on the mix of cases; a level that triggers a conversation guards against overload without inventing a standard",
        },
        new()
        {
            Id = "KPI-05", Kind = MeasureKind.Output, Name = "Treatment outcomes", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "For each treatment service (such as physiotherapy or psychological support), the share of people whose score on a recognised outcome measure improved between the start and the end of treatment, naming the measure used.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "courses of treatment last weeks to months, so fewer than a quarter's completed cases say little",
            SuggestedTarget = "Set a baseline from the first two quarters, then agree a share of people who improve that does not fall below it.",
            TargetReason = BaselineReason,
        },
        new()
        {
            Id = "KPI-06", Kind = MeasureKind.Output, Name = "Successful return to work", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "Of the staff who were off sick when referred, the share back at work (on full or adjusted duties) within an agreed time of their first appointment, and the share of those still at work an agreed time after that.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "a return to work is only known to have lasted months after the appointment, so the figures build up quarter by quarter",
            SuggestedTarget = "Set a baseline from the first two quarters, then agree a share returning and staying at work that does not fall below it.",
            TargetReason = BaselineReason,
        },
        new()
        {
            Id = "KPI-07", Kind = MeasureKind.Output, Name = "Management of long-term conditions", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "Of the staff with a long-term condition seen in the period, the share with a written plan of adjustments agreed with their manager, and the share of plans reviewed when they said they would be.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "plans are reviewed over months, so a quarterly count shows whether reviews happen",
            SuggestedTarget = "Agree that every person with a long-term condition seen by the service has a plan, and set a baseline for reviews held on time.",
            TargetReason = "a plan for each person is what the service is for, so it needs no baseline; how often reviews slip is not known until it is measured",
        },
        new()
        {
            Id = "KPI-08", Kind = MeasureKind.Output, Name = "Satisfaction with the service", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "The results of a short survey, agreed with you, of staff who used the service and of the managers who referred them: the response rate and the share satisfied.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "surveying after every contact is costly and a month gives too few replies; a quarter gives enough to see a trend",
            SuggestedTarget = "Set a baseline from the first two quarters, then agree a share satisfied that does not fall below it, and a minimum response rate.",
            TargetReason = BaselineReason,
        },
        new()
        {
            Id = "KPI-09", Kind = MeasureKind.Output, Name = "Stories from staff who used the service", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "Accounts, in their own words and shared with their consent and without anything that identifies them, of what changed for staff who used the service, including where it did not go well.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "a few stories at each quarterly review give the figures a human context without a burden on staff",
            SuggestedTarget = "Agree how many stories each quarterly review will hear, and that they include stories where the service could have done better.",
            TargetReason = "the roadmap asks for stories beside the figures but gives no number; stories chosen only for success would not show where to improve",
        },
        new()
        {
            Id = "KPI-10", Kind = MeasureKind.Output, Name = "Health surveillance", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "For each hazard with a health surveillance programme, the number of staff due surveillance in the period, the number seen on time, and the number found to have work-related ill health, without naming anyone.",
            Frequency = ReportingFrequency.Quarterly,
            FrequencyReason = "a quarter shows who has been missed in time to see them, without a monthly return of very small numbers",
            SuggestedTarget = "Agree that everyone due surveillance is seen on time, and that each finding of work-related ill health is reported to you with what was done.",
            TargetReason = "a person missed has their exposure unchecked, so the toolkit suggests aiming at everyone due rather than a share",
        },
        new()
        {
            Id = "KPI-11", Kind = MeasureKind.Output, Name = "Effect of preventive interventions", RequirementId = "DAT-02", Sources = [Roadmap],
            Definition = "For each preventive programme (such as outreach on musculoskeletal health or stress), the measure agreed when the programme was planned, such as sickness absence for the cause it targets among the staff it reached, compared with before.",
            Frequency = ReportingFrequency.Annually,
            FrequencyReason = "prevention takes months to show an effect, and a whole year evens out seasonal changes in absence",
            SuggestedTarget = "Agree, when each programme is planned, what change would show that it worked, and review it at the annual contract review.",
            TargetReason = "the right measure differs from one programme to the next, and the sources give none; deciding it before the programme starts stops success being defined afterwards",
        },
    ];

    /// <summary>
    /// The measures that apply to a specification: those whose requirement (DAT-01 or DAT-02)
    /// applies to the organisation. Both apply to every organisation in the standards today.
    /// </summary>
    public static IReadOnlyList<KpiMeasure> For(Specification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var applying = specification.ForProviders.Select(i => i.Requirement.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Measures.Where(m => applying.Contains(m.RequirementId))];
    }

    /// <summary>The measures that apply to a collaborative specification: those whose requirement applies to at least one member.</summary>
    public static IReadOnlyList<KpiMeasure> For(CollaborativeSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var applying = specification.Applicable.Where(i => !i.Requirement.IsCommissionerDuty).Select(i => i.Requirement.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Measures.Where(m => applying.Contains(m.RequirementId))];
    }
}
