using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Files;

/// <summary>A small tender pack built in code that uses every field of the format at least once.</summary>
internal static class SamplePack
{
    public static TenderPack Create()
    {
        var lot = new Lot
        {
            Id = "lot-1",
            Title = "All members",
            MemberIds = ["surgery", "hospital"],
            Gates =
            [
                new() { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." },
                new() { Id = "G2", Title = "Clinical governance", Description = "Decided by the panel." },
            ],
            SectionWeights = WeightUnit.Points,
            Sections =
            [
                new()
                {
                    Id = "s1", Title = "Quality", Weight = 85m, MinimumPercent = 40m,
                    QuestionWeights = WeightUnit.Points,
                    Questions =
                    [
                        new() { Id = "Q1", Title = "Prevention", Text = "How will you prevent ill health?", RequirementId = "CORE-01", Weight = 30m, MinimumScore = 2m },
                        new() { Id = "Q2", Title = "Access", Text = "How will staff reach you?", RequirementId = "ACC-01", Weight = 20m },
                    ],
                },
                new()
                {
                    Id = "s2", Title = "Social value", Weight = 15m, SocialValue = true,
                    Questions = [new() { Id = "Q3", Title = "Local jobs", Text = "What local jobs will you create?", Weight = 100m }],
                },
            ],
            Weights = WeightUnit.Points,
            QualityWeight = 120m,
            PriceWeight = 80m,
            QualityMethod = QualityMethod.Relative,
            Price = new() { ContractYears = 2, ExtensionYears = 1, EvaluateExtensions = true, Method = PriceMethod.Linear, Ceiling = 3_000_000m },
            MinimumQualityPercent = 45.5m,
            AbnormallyLowPercent = 65m,
            TieBreak = new() { Rule = TieBreakRule.HighestSection, SectionId = "s1" },
        };

        var tender = new Tender
        {
            Title = "Sample tender",
            Reference = "SAMPLE-1",
            Members =
            [
                new() { Id = "surgery", Profile = Profiles.GpPractice() },
                new()
                {
                    Id = "hospital",
                    // Deliberately not in enum order: the file must list them in enum order.
                    Profile = Profiles.AcuteTrust() with
                    {
                        Exposures = new HashSet<Exposure> { Exposure.SeniorClinicians, Exposure.IonisingRadiation, Exposure.CytotoxicDrugs },
                    },
                },
            ],
            Regime = new() { Regime = ProcurementRegime.ProcurementAct2023, Procedure = "Open procedure", Rationale = "Chosen for the sample." },
            Scale = ScoringScale.ZeroToFour,
            SpreadFlag = 1.5m,
            Lots = [lot],
            Evaluators = [new() { Id = "e1", Name = "Alex" }, new() { Id = "e2", Name = "Sam" }, new() { Id = "m1", Name = "Robin" }],
            Assignments =
            [
                new() { EvaluatorId = "e1", LotId = "lot-1" },
                new() { EvaluatorId = "e2", LotId = "lot-1", QuestionIds = ["Q1", "Q2"] },
            ],
        };

        Bid Bid(string id, string provider, decimal price, SeqohsStatus seqohs) => new()
        {
            Id = id,
            LotId = "lot-1",
            Provider = provider,
            Declarations = new()
            {
                Seqohs = seqohs,
                SeqohsDate = new DateOnly(2024, 2, 29),
                Esr = EsrInterface.Planned,
                EsrDate = new DateOnly(2027, 1, 15),
                // Deliberately not in key order: the file must list keys in ordinal order.
                SubSpecialisms = new Dictionary<string, SubSpecialismProvision>
                {
                    ["SUB-11"] = new() { Mode = ProvisionMode.NotOffered },
                    ["SUB-06"] = new() { Mode = ProvisionMode.Partner, Partner = "Radiation Advisers Ltd" },
                    ["SUB-02"] = new() { Mode = ProvisionMode.Direct },
                },
                Staffing = new() { OccupationalPhysicians = 1.5m, OhNurses = 4m, OtherClinical = 0.6m, NursingPracticeTeachers = 1, StrPosts = 0 },
                ResponsibleOfficer = "Dr A N Other",
                ConsultantQualification = ConsultantQualification.Cesr,
                Evidence = new Dictionary<string, IReadOnlyList<string>> { ["SEQ-01"] = ["Certificate"], ["GOV-02"] = ["MoHaWK2 certificate", "Results"] },
            },
            Price = new() { AnnualPrices = [price, price + 10_000m], ExtensionPrices = [price + 20_000m] },
            Answers = [new() { QuestionId = "Q1", Text = "We run clinics." }, new() { QuestionId = "Q3", Text = "Two apprentices & a nurse – £0 cost." }],
        };

        return new TenderPack
        {
            Tender = tender,
            Bids =
            [
                Bid("bid-a", "Alpha OH Ltd", 900_000m, SeqohsStatus.Accredited),
                Bid("bid-b", "Beta Health's OH", 850_000.50m, SeqohsStatus.WorkingTowards),
                Bid("bid-c", "Gamma OH", 1_000_000m, SeqohsStatus.None),
            ],
            Scores =
            [
                new() { EvaluatorId = "e1", BidId = "bid-a", QuestionId = "Q1", Score = 3m, Rationale = "Clear." },
                new() { EvaluatorId = "e2", BidId = "bid-a", QuestionId = "Q1", Score = 1m, Rationale = "Thin." },
                new() { EvaluatorId = "e1", BidId = "bid-a", QuestionId = "Q2", Score = 2.5m, Rationale = "Half marks are allowed on the file." },
            ],
            Moderation = [new() { BidId = "bid-a", QuestionId = "Q1", Score = 2m, Reason = "Agreed.", ModeratorId = "m1" }],
            GateDecisions = [new() { BidId = "bid-a", GateId = "G2", Passed = true, Reason = "Framework seen.", DecidedBy = "m1" }],
            LowPriceDecisions = [new() { BidId = "bid-b", Outcome = LowPriceOutcome.Accepted, Reason = "The bidder showed its staffing plan costs out at this price.", DecidedBy = "m1" }],
        };
    }
}
