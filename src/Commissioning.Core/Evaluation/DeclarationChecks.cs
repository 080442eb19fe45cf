using Commissioning.Core.Tenders;

namespace Commissioning.Core.Evaluation;

/// <summary>The outcome of checking a declaration against a requirement.</summary>
/// <param name="Passed">Whether the declaration meets the requirement.</param>
/// <param name="Reason">Why, naming the declared facts.</param>
public sealed record DeclarationCheck(bool Passed, string Reason);

/// <summary>
/// Decides requirements that a provider's declarations settle on their own: SEQOHS status,
/// the ESR interface, consultant qualifications, the Responsible Officer, the multidisciplinary
/// team and each sub-specialism. Used for gates in evaluation and for readiness.
/// </summary>
public static class DeclarationChecks
{
    private static readonly Dictionary<string, string> SubSpecialismNames = new(StringComparer.Ordinal)
    {
        ["SUB-02"] = "blood-borne viruses",
        ["SUB-03"] = "tuberculosis",
        ["SUB-04"] = "occupational asthma",
        ["SUB-05"] = "sick senior health professionals",
        ["SUB-06"] = "radiation",
        ["SUB-07"] = "genetically modified organisms and gene therapy",
        ["SUB-08"] = "outbreaks and disaster preparedness",
        ["SUB-09"] = "research",
        ["SUB-10"] = "ergonomics",
        ["SUB-11"] = "cytotoxic drugs",
    };

    /// <summary>The requirement ids the declarations can decide.</summary>
    public static IReadOnlyCollection<string> Decidable { get; } =
        [.. new[] { "SEQ-01", "INF-03", "STF-01", "STF-07", "STF-08" }.Concat(SubSpecialismNames.Keys)];

    /// <summary>The sub-specialism requirement ids with their names.</summary>
    public static IReadOnlyDictionary<string, string> SubSpecialisms => SubSpecialismNames;

    /// <summary>
    /// Checks a requirement against the declarations, or returns null if they cannot decide it.
    /// With <paramref name="asAt"/> (the tender's bid deadline), an accreditation or a live ESR
    /// interface dated after that day does not count: the gate asks what holds at the deadline
    /// (the toolkit's reading of a pass or fail requirement; a later date is a plan, not a fact).
    /// </summary>
    public static DeclarationCheck? Check(string requirementId, Declarations declarations, DateOnly? asAt = null)
    {
        ArgumentNullException.ThrowIfNull(requirementId);
        ArgumentNullException.ThrowIfNull(declarations);
        return requirementId switch
        {
            "SEQ-01" when declarations.Seqohs == SeqohsStatus.Accredited && After(declarations.SeqohsDate, asAt) =>
                new(false, $"SEQOHS accreditation dated {Day(declarations.SeqohsDate!.Value)}, after the bid deadline ({Day(asAt!.Value)})"),
            "INF-03" when declarations.Esr == EsrInterface.Live && After(declarations.EsrDate, asAt) =>
                new(false, $"two-way ESR interface live only from {Day(declarations.EsrDate!.Value)}, after the bid deadline ({Day(asAt!.Value)})"),
            "SEQ-01" => declarations.Seqohs switch
            {
                SeqohsStatus.Accredited => new(true, "SEQOHS accredited" + On(declarations.SeqohsDate, " since")),
                SeqohsStatus.WorkingTowards => new(true, "working towards SEQOHS accreditation" + On(declarations.SeqohsDate, ", expected by")),
                _ => new(false, "neither SEQOHS accredited nor working towards it"),
            },
            "INF-03" => declarations.Esr switch
            {
                EsrInterface.Live => new(true, "two-way ESR interface live" + On(declarations.EsrDate, " since")),
                EsrInterface.Planned => new(false, "two-way ESR interface planned" + On(declarations.EsrDate, " for") + ", not live"),
                _ => new(false, "no ESR interface"),
            },
            "STF-07" => declarations.ConsultantQualification switch
            {
                ConsultantQualification.Cct => new(true, "consultants hold a CCT in occupational medicine"),
                ConsultantQualification.Cesr => new(true, "consultants hold a CESR in occupational medicine"),
                ConsultantQualification.NoConsultant => new(true, "no consultant on the service, so no consultant lacks a CCT or CESR"),
                _ => new(false, "consultants declared without a CCT or CESR"),
            },
            "STF-08" => string.IsNullOrWhiteSpace(declarations.ResponsibleOfficer)
                ? new(false, "no Responsible Officer named")
                : new(true, $"Responsible Officer named: {declarations.ResponsibleOfficer.Trim()}"),
            "STF-01" => Team(declarations.Staffing),
            _ when SubSpecialismNames.TryGetValue(requirementId, out var name) => SubSpecialism(name, declarations.SubSpecialisms.GetValueOrDefault(requirementId)),
            _ => null,
        };
    }

    private static bool After(DateOnly? day, DateOnly? deadline) => day is { } d && deadline is { } limit && d > limit;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static DeclarationCheck Team(StaffingFigures staffing)
    {
        var missing = new List<string>();
        if (staffing.OccupationalPhysicians <= 0)
        {
            missing.Add("occupational physicians");
        }

        if (staffing.OhNurses <= 0)
        {
            missing.Add("OH nurses");
        }

        return missing.Count == 0
            ? new(true, $"team includes occupational physicians ({Rounding.Number(staffing.OccupationalPhysicians)} WTE) and OH nurses ({Rounding.Number(staffing.OhNurses)} WTE)")
            : new(false, $"no {string.Join(" or ", missing)} declared");
    }

    private static DeclarationCheck SubSpecialism(string name, SubSpecialismProvision? provision) => provision?.Mode switch
    {
        ProvisionMode.Direct => new(true, $"{name} expertise provided directly"),
        ProvisionMode.Partner => new(true, $"{name} expertise provided through {provision.Partner}"),
        _ => new(false, $"{name} expertise not offered"),
    };

    private static string On(DateOnly? date, string preposition) =>
        date is { } d ? $"{preposition} {d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;
}
