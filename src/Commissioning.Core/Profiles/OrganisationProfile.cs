namespace Commissioning.Core.Profiles;

/// <summary>The kinds of organisation that buy occupational health services.</summary>
public enum OrganisationType
{
    /// <summary>A GP practice or a primary care network.</summary>
    GpPracticeOrPcn,
    /// <summary>Other primary care: dental, optometry, community pharmacy.</summary>
    OtherPrimaryCare,
    /// <summary>A small organisation such as a hospice or an integrated care board.</summary>
    SmallOrganisation,
    /// <summary>A community health services trust.</summary>
    CommunityTrust,
    /// <summary>A mental health trust.</summary>
    MentalHealthTrust,
    /// <summary>An acute hospital trust.</summary>
    AcuteTrust,
    /// <summary>An ambulance trust.</summary>
    AmbulanceTrust,
}

/// <summary>How the organisation gets its OH service today (Growing OHWB Together, driver 2.3).</summary>
public enum DeliveryModel
{
    /// <summary>Run by the organisation's own OH team.</summary>
    Internal,
    /// <summary>Bought from an external provider.</summary>
    External,
    /// <summary>Partly in-house, partly bought in.</summary>
    Hybrid,
}

/// <summary>Exposures and activities in the workforce that call for sub-specialist OH expertise.</summary>
public enum Exposure
{
    /// <summary>Staff work with ionising radiation.</summary>
    IonisingRadiation,
    /// <summary>Staff work with lasers (non-ionising radiation).</summary>
    Lasers,
    /// <summary>Staff work with ultraviolet radiation (non-ionising).</summary>
    UltravioletRadiation,
    /// <summary>Staff work in or around MRI scanners (non-ionising electromagnetic fields).</summary>
    Mri,
    /// <summary>Staff prepare or give cytotoxic drugs.</summary>
    CytotoxicDrugs,
    /// <summary>Staff work with genetically modified organisms or gene therapy.</summary>
    GmoGeneTherapy,
    /// <summary>Staff are at risk of exposure to tuberculosis.</summary>
    TuberculosisRisk,
    /// <summary>Staff carry out exposure-prone procedures.</summary>
    ExposureProneProcedures,
    /// <summary>Staff have clinical contact with blood or body fluids.</summary>
    BloodBodyFluids,
    /// <summary>Staff are exposed to respiratory sensitisers.</summary>
    RespiratorySensitisers,
    /// <summary>The organisation carries out clinical research.</summary>
    ResearchActivity,
    /// <summary>The organisation employs doctors, dentists or other senior clinicians.</summary>
    SeniorClinicians,
}

/// <summary>
/// What a commissioner says about one organisation; the input to tailoring. Immutable.
/// </summary>
public sealed record OrganisationProfile
{
    /// <summary>The organisation's name, shown in reasons and documents.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of organisation.</summary>
    public required OrganisationType Type { get; init; }

    /// <summary>Number of staff (people, not whole-time equivalents).</summary>
    public required int Headcount { get; init; }

    /// <summary>Whether the organisation is a host employer of doctors in training.</summary>
    public bool HostsMedicalTrainees { get; init; }

    /// <summary>
    /// Exposures and activities present in the workforce, as given. Some follow from the type
    /// whether or not they are given (a GP practice employs doctors): see <see cref="Has"/>.
    /// </summary>
    public IReadOnlySet<Exposure> Exposures { get; init; } = new HashSet<Exposure>();

    /// <summary>
    /// Health needs identified in the organisation or its local population that the OH service
    /// should reflect (NHS Employers guide, "Staffing requirements": an organisational or public
    /// health need).
    /// </summary>
    public IReadOnlyList<string> PopulationHealthNeeds { get; init; } = [];

    /// <summary>How OH is delivered today.</summary>
    public DeliveryModel CurrentDelivery { get; init; } = DeliveryModel.External;

    /// <summary>True for GP practices and PCNs, other primary care, and small organisations.</summary>
    public bool IsSmallerOrganisation => Vocabulary.IsSmaller(Type);

    /// <summary>
    /// Whether staff have the exposure or activity: because it is given, or because every
    /// organisation of this type has it (<see cref="Vocabulary.ImpliedBy"/>), so the profile can
    /// never contradict its type.
    /// </summary>
    public bool Has(Exposure exposure) => Exposures.Contains(exposure) || Vocabulary.ImpliedBy(Type).Contains(exposure);

    /// <summary>True when the exposure holds only because the type implies it, not because it was given.</summary>
    public bool HasOnlyByType(Exposure exposure) => !Exposures.Contains(exposure) && Vocabulary.ImpliedBy(Type).Contains(exposure);

    /// <summary>Every exposure that holds, given or implied by the type, in vocabulary order.</summary>
    public IReadOnlyList<Exposure> AllExposures => [.. Vocabulary.Exposures.Select(t => t.Value).Where(Has)];
}
