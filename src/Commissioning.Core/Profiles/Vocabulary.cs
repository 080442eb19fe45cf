using System.Collections.Frozen;

namespace Commissioning.Core.Profiles;

/// <summary>One value of a profile vocabulary: its id in files and URLs, and its words for people.</summary>
/// <typeparam name="T">The enum the term stands for.</typeparam>
/// <param name="Value">The enum value.</param>
/// <param name="Id">The kebab-case id used in standards files, JSON and URLs.</param>
/// <param name="Label">The label shown on forms.</param>
/// <param name="WhenPresent">A clause saying the term holds, for reasons ("staff work with ionising radiation").</param>
/// <param name="WhenAbsent">A clause saying it does not hold.</param>
/// <param name="Noun">A noun phrase for the term with its article ("an acute trust"), where reasons need one.</param>
public sealed record Term<T>(T Value, string Id, string Label, string WhenPresent, string WhenAbsent, string Noun = "")
    where T : struct, Enum;

/// <summary>
/// The fixed vocabularies of the organisation profile: organisation types, exposures and delivery
/// models, with the ids the standards files use and the plain-English words the reasons use.
/// </summary>
public static class Vocabulary
{
    /// <summary>Organisation types, in the order a form lists them.</summary>
    public static IReadOnlyList<Term<OrganisationType>> OrganisationTypes { get; } =
    [
        new(OrganisationType.GpPracticeOrPcn, "gp-practice-or-pcn", "GP practice or primary care network (PCN)",
            "the organisation is a GP practice or PCN", "the organisation is not a GP practice or PCN", "a GP practice or PCN"),
        new(OrganisationType.OtherPrimaryCare, "other-primary-care", "Other primary care (dental, optometry, pharmacy)",
            "the organisation is another primary care provider", "the organisation is not another primary care provider", "another primary care provider"),
        new(OrganisationType.SmallOrganisation, "small-organisation", "Small organisation, such as a hospice or an ICB",
            "the organisation is a small organisation", "the organisation is not a small organisation", "a small organisation"),
        new(OrganisationType.CommunityTrust, "community-trust", "Community trust",
            "the organisation is a community trust", "the organisation is not a community trust", "a community trust"),
        new(OrganisationType.MentalHealthTrust, "mental-health-trust", "Mental health trust",
            "the organisation is a mental health trust", "the organisation is not a mental health trust", "a mental health trust"),
        new(OrganisationType.AcuteTrust, "acute-trust", "Acute trust",
            "the organisation is an acute trust", "the organisation is not an acute trust", "an acute trust"),
        new(OrganisationType.AmbulanceTrust, "ambulance-trust", "Ambulance trust",
            "the organisation is an ambulance trust", "the organisation is not an ambulance trust", "an ambulance trust"),
    ];

    /// <summary>Exposures and activities, in the order a form lists them.</summary>
    public static IReadOnlyList<Term<Exposure>> Exposures { get; } =
    [
        new(Exposure.IonisingRadiation, "ionising-radiation", "Ionising radiation (for example radiology, nuclear medicine, radiotherapy)",
            "staff work with ionising radiation", "no staff work with ionising radiation"),
        new(Exposure.Lasers, "lasers", "Lasers (for example in surgery, eye care or dermatology)",
            "staff work with lasers", "no staff work with lasers"),
        new(Exposure.UltravioletRadiation, "ultraviolet-radiation", "Ultraviolet (UV) radiation (for example phototherapy or UV disinfection)",
            "staff work with ultraviolet radiation", "no staff work with ultraviolet radiation"),
        new(Exposure.Mri, "mri", "Magnetic resonance imaging (MRI) scanners",
            "staff work in or around MRI scanners", "no staff work in or around MRI scanners"),
        new(Exposure.CytotoxicDrugs, "cytotoxic-drugs", "Cytotoxic drugs (preparing or giving them)",
            "staff handle cytotoxic drugs", "no staff handle cytotoxic drugs"),
        new(Exposure.GmoGeneTherapy, "gmo-gene-therapy", "Genetically modified organisms or gene therapy",
            "staff work with genetically modified organisms or gene therapy", "no staff work with genetically modified organisms or gene therapy"),
        new(Exposure.TuberculosisRisk, "tuberculosis-risk", "Risk of exposure to tuberculosis",
            "staff are at risk of exposure to tuberculosis", "no staff are at particular risk of exposure to tuberculosis"),
        new(Exposure.ExposureProneProcedures, "exposure-prone-procedures", "Exposure-prone procedures (EPPs)",
            "staff carry out exposure-prone procedures", "no staff carry out exposure-prone procedures"),
        new(Exposure.BloodBodyFluids, "blood-body-fluids", "Clinical contact with blood or body fluids",
            "staff have clinical contact with blood or body fluids", "no staff have clinical contact with blood or body fluids"),
        new(Exposure.RespiratorySensitisers, "respiratory-sensitisers", "Respiratory sensitisers (for example latex, glutaraldehyde, flour)",
            "staff are exposed to respiratory sensitisers", "no staff are exposed to respiratory sensitisers"),
        new(Exposure.ResearchActivity, "research-activity", "Clinical research activity",
            "the organisation carries out clinical research", "the organisation carries out no clinical research"),
        new(Exposure.SeniorClinicians, "senior-clinicians", "Employs doctors, dentists or other senior clinicians",
            "the organisation employs doctors, dentists or other senior clinicians", "the organisation employs no doctors, dentists or other senior clinicians"),
    ];

    /// <summary>Delivery models, in the order a form lists them.</summary>
    public static IReadOnlyList<Term<DeliveryModel>> DeliveryModels { get; } =
    [
        new(DeliveryModel.Internal, "internal", "Our own in-house OH team",
            "OH is delivered in-house", "OH is not delivered in-house"),
        new(DeliveryModel.External, "external", "An external provider",
            "OH is bought from an external provider", "OH is not bought from an external provider"),
        new(DeliveryModel.Hybrid, "hybrid", "A mix of in-house and external",
            "OH is part in-house, part bought in", "OH is not a mix of in-house and external"),
    ];

    private static readonly FrozenDictionary<string, Term<OrganisationType>> TypesById =
        OrganisationTypes.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, Term<Exposure>> ExposuresById =
        Exposures.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, Term<DeliveryModel>> ModelsById =
        DeliveryModels.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>Finds an organisation type by its id.</summary>
    public static bool TryGetType(string id, out Term<OrganisationType> term) => TypesById.TryGetValue(id, out term!);

    /// <summary>Finds an exposure by its id.</summary>
    public static bool TryGetExposure(string id, out Term<Exposure> term) => ExposuresById.TryGetValue(id, out term!);

    /// <summary>Finds a delivery model by its id.</summary>
    public static bool TryGetDeliveryModel(string id, out Term<DeliveryModel> term) => ModelsById.TryGetValue(id, out term!);

    /// <summary>The term for an organisation type.</summary>
    public static Term<OrganisationType> Of(OrganisationType value) => OrganisationTypes.Single(t => t.Value == value);

    /// <summary>The term for an exposure.</summary>
    public static Term<Exposure> Of(Exposure value) => Exposures.Single(t => t.Value == value);

    /// <summary>The term for a delivery model.</summary>
    public static Term<DeliveryModel> Of(DeliveryModel value) => DeliveryModels.Single(t => t.Value == value);

    /// <summary>
    /// What every organisation of a type has, whatever the profile's boxes say: GP practices and
    /// PCNs and every kind of NHS trust employ doctors. The toolkit's rule, so that a profile cannot
    /// contradict its own type; other primary care (dental, optometry, pharmacy) and small
    /// organisations differ too much, so for them the box decides.
    /// </summary>
    public static IReadOnlySet<Exposure> ImpliedBy(OrganisationType type) =>
        type is OrganisationType.OtherPrimaryCare or OrganisationType.SmallOrganisation ? NothingImplied : SeniorCliniciansImplied;

    /// <summary>The organisation types that imply an exposure, in form order.</summary>
    public static IReadOnlyList<Term<OrganisationType>> TypesImplying(Exposure exposure) =>
        [.. OrganisationTypes.Where(t => ImpliedBy(t.Value).Contains(exposure))];

    private static readonly FrozenSet<Exposure> NothingImplied = FrozenSet<Exposure>.Empty;
    private static readonly FrozenSet<Exposure> SeniorCliniciansImplied = new[] { Exposure.SeniorClinicians }.ToFrozenSet();

    /// <summary>
    /// Smaller organisations: primary care and small bodies, whose access to OH the roadmap singles out
    /// (Growing OHWB Together, driver 2.8).
    /// </summary>
    public static bool IsSmaller(OrganisationType type) =>
        type is OrganisationType.GpPracticeOrPcn or OrganisationType.OtherPrimaryCare or OrganisationType.SmallOrganisation;
}
