using Commissioning.Core.Profiles;

namespace Commissioning.Tests.Support;

/// <summary>Profiles used across tests.</summary>
internal static class Profiles
{
    public static OrganisationProfile GpPractice(string name = "Riverside Surgery") => new()
    {
        Name = name,
        Type = OrganisationType.GpPracticeOrPcn,
        Headcount = 45,
        HostsMedicalTrainees = false,
        Exposures = new HashSet<Exposure> { Exposure.BloodBodyFluids, Exposure.SeniorClinicians },
        CurrentDelivery = DeliveryModel.External,
    };

    public static OrganisationProfile AcuteTrust(string name = "City Hospitals NHS Foundation Trust") => new()
    {
        Name = name,
        Type = OrganisationType.AcuteTrust,
        Headcount = 8_500,
        HostsMedicalTrainees = true,
        Exposures = new HashSet<Exposure>
        {
            Exposure.IonisingRadiation, Exposure.CytotoxicDrugs, Exposure.ExposureProneProcedures,
            Exposure.BloodBodyFluids, Exposure.TuberculosisRisk, Exposure.ResearchActivity, Exposure.SeniorClinicians,
        },
        PopulationHealthNeeds = ["High rate of obesity"],
        CurrentDelivery = DeliveryModel.Hybrid,
    };

    public static OrganisationProfile Hospice(string name = "St Clare Hospice") => new()
    {
        Name = name,
        Type = OrganisationType.SmallOrganisation,
        Headcount = 180,
        Exposures = new HashSet<Exposure> { Exposure.BloodBodyFluids },
        CurrentDelivery = DeliveryModel.External,
    };
}
