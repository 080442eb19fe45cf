using System.Globalization;
using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;

namespace Commissioning.Benchmarks;

/// <summary>
/// Builds a deterministic tender pack the size of an integrated care system (ICS) procurement:
/// the benchmark input. The same arguments always give the same pack.
/// </summary>
/// <remarks>
/// Shape with the defaults: six member organisations, one lot, 10 sections of 20 questions
/// (integer weights adding up to exactly 100 at each level), the 0-4 scale, four gates (three
/// decided by the bids' declarations: SEQ-01, INF-03, STF-08; one by a recorded decision), 40 bids
/// with varied prices over three contract years and two evaluated extension years, 10 evaluators
/// each assigned every question and scoring every bid on every question with a rationale
/// (80,000 scores), and a moderated consensus score for every bid and question on which the
/// evaluators' scores differ. A moderator who scores nothing is on the panel as well. Bid 7
/// fails the ESR gate and bid 23 the Responsible Officer gate (when there are that many). Better
/// bids tend to cost more, so the contest is close. With <c>lots: 2</c> the members are split across two lots with the same
/// criteria and the bids alternate between them.
/// </remarks>
public static class IcsScaleTender
{
    private static readonly (string Title, decimal Weight, bool SocialValue)[] SectionPlan =
    [
        ("Service model and mobilisation", 11m, false),
        ("Clinical governance and quality", 9m, false),
        ("Workforce and staffing", 11m, false),
        ("Health surveillance and immunisation", 9m, false),
        ("Management referrals and attendance", 9m, false),
        ("Mental health and wellbeing", 9m, false),
        ("Digital, ESR and data", 7m, false),
        ("Performance, reporting and contract management", 8m, false),
        ("Equality, access and inclusion", 10m, false),

        // 17% of a 60% quality weight is 10.2% of the total: NHS bodies apply at least 10% to social value.
        ("Social value and net zero", 17m, true),
    ];

    private static readonly string[] Topics =
    [
        "pre-placement assessment", "vaccination programme", "needlestick injury pathway", "skin surveillance",
        "respiratory surveillance", "night worker assessment", "fitness to practise referrals", "case management",
        "psychological support", "trauma risk management", "musculoskeletal fast track", "ergonomic assessment",
        "ESR interface", "management information", "complaints handling", "clinical audit",
        "staff training", "outreach to primary care", "service user feedback", "mobilisation plan",
    ];

    private static readonly string[] ProviderStems =
    [
        "Northern", "Pennine", "Solent", "Mersey", "Thames Valley", "Wessex", "Humber", "Tees", "Cheviot", "Chiltern",
        "Mendip", "Severn", "Trent", "Wolds", "Fenland", "Quantock", "Cotswold", "Tyne", "Weald", "Peak",
    ];

    private static readonly string[] ProviderKinds =
    [
        "Occupational Health Ltd", "Workplace Health CIC", "OH Partnership LLP", "Health at Work Ltd",
        "NHS Foundation Trust OH Service", "Employee Wellbeing Ltd",
    ];

    private static readonly string[] EvaluatorRoles =
    [
        "Head of Workforce", "OH Clinical Lead", "Procurement Manager", "HR Business Partner", "Finance Business Partner",
        "Staff Side Representative", "Health and Wellbeing Lead", "Infection Prevention Nurse", "Digital Lead", "Primary Care Lead",
    ];

    /// <summary>Builds the pack.</summary>
    /// <param name="bids">Number of bids (at least 1).</param>
    /// <param name="questions">Number of scored questions in each lot (at least 1); spread over up to 10 sections.</param>
    /// <param name="evaluators">Number of scoring evaluators (at least 1), each assigned every question.</param>
    /// <param name="seed">Seed for the generator's random choices.</param>
    /// <param name="lots">1 or 2 lots.</param>
    public static TenderPack Create(int bids = 40, int questions = 200, int evaluators = 10, int seed = 1, int lots = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bids, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(questions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluators, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lots, 2);

        // A seeded System.Random is fine here: this is benchmark input, not evaluation logic.
        var random = new Random(seed);

        var members = Members();
        var sections = Sections(questions, random);
        var gates = Gates();
        var lotList = Lots(lots, members, sections, gates);

        var panel = Enumerable.Range(1, evaluators)
            .Select(i => new Evaluator
            {
                Id = $"e{i:00}",
                Name = $"{EvaluatorRoles[(i - 1) % EvaluatorRoles.Length]}{(i > EvaluatorRoles.Length ? $" {((i - 1) / EvaluatorRoles.Length) + 1}" : "")}",
            })
            .ToList();
        const string ModeratorId = "mod";
        var tender = new Tender
        {
            Title = "Occupational health services for the integrated care system",
            Reference = "ICS-OH-2025-001",
            Members = members,
            Regime = new RegimeChoice
            {
                Regime = ProcurementRegime.ProviderSelectionRegime2023,
                Procedure = "Competitive process",
                Rationale = "Occupational health is a health care service bought for staff of several NHS bodies; no incumbent meets the direct award criteria.",
            },
            Scale = ScoringScale.ZeroToFour,
            Lots = lotList,
            Evaluators = [.. panel, new Evaluator { Id = ModeratorId, Name = "Procurement Lead (moderator)" }],
            Assignments = [.. lotList.SelectMany(l => panel.Select(e => new Assignment { EvaluatorId = e.Id, LotId = l.Id }))],
        };

        // Evaluator leniency: some mark a little high, some a little low.
        var bias = panel.Select(_ => (random.NextDouble() - 0.5) * 0.8).ToArray();
        var difficulty = Enumerable.Range(0, questions).Select(_ => (random.NextDouble() - 0.5) * 1.2).ToArray();
        var firstGateFailure = bids >= 8 ? 6 : -1;
        var secondGateFailure = bids >= 24 ? 22 : -1;

        var bidList = new List<Bid>(bids);
        var scores = new List<EvaluatorScore>(bids * questions * evaluators);
        var moderation = new List<ModeratedScore>();
        var decisions = new List<GateDecision>(bids);
        var panelScores = new decimal[evaluators];
        for (var b = 0; b < bids; b++)
        {
            var lot = lotList[b % lotList.Count];
            var bidId = $"bid-{b + 1:00}";
            var provider = $"{ProviderStems[b % ProviderStems.Length]} {ProviderKinds[(b / ProviderStems.Length + b) % ProviderKinds.Length]}";
            var headcount = members.Where(m => lot.MemberIds.Contains(m.Id)).Sum(m => m.Profile.Headcount);
            var lotQuestions = lot.Questions.ToList();

            // The bid's underlying quality: most bids are middling, a few strong, a few weak.
            // Stronger providers tend to charge more, so quality and price pull against each other.
            var strength = 1.4 + (random.NextDouble() * 2.0);

            bidList.Add(new Bid
            {
                Id = bidId,
                LotId = lot.Id,
                Provider = provider,
                Declarations = DeclarationsFor(random, b == firstGateFailure, b == secondGateFailure),
                Price = Prices(random, headcount, strength, lot.Price),
                Answers = [.. lotQuestions.Select(q => new Answer { QuestionId = q.Id, Text = $"{provider} answers {q.Id}: how we deliver the {q.Title.ToLowerInvariant()} for every member organisation." })],
            });
            decisions.Add(new GateDecision
            {
                BidId = bidId,
                GateId = "G4",
                Passed = true,
                Reason = "Certificates for employer's liability, public liability and clinical negligence cover provided at the levels required.",
                DecidedBy = ModeratorId,
            });

            for (var q = 0; q < lotQuestions.Count; q++)
            {
                var question = lotQuestions[q];
                for (var e = 0; e < evaluators; e++)
                {
                    var noise = (random.NextDouble() + random.NextDouble() - 1.0) * 1.1;
                    var score = (decimal)Math.Clamp(Math.Round(strength + difficulty[q] + bias[e] + noise), 0, 4);
                    panelScores[e] = score;
                    scores.Add(new EvaluatorScore
                    {
                        EvaluatorId = panel[e].Id,
                        BidId = bidId,
                        QuestionId = question.Id,
                        Score = score,
                        Rationale = Rationale(score, question),
                    });
                }

                var lowest = panelScores.Min();
                var highest = panelScores.Max();
                if (lowest != highest)
                {
                    var consensus = Math.Round(panelScores.Average(), MidpointRounding.AwayFromZero);
                    moderation.Add(new ModeratedScore
                    {
                        BidId = bidId,
                        QuestionId = question.Id,
                        Score = consensus,
                        Reason = $"Scores ranged from {lowest.ToString(CultureInfo.InvariantCulture)} to {highest.ToString(CultureInfo.InvariantCulture)}; the panel agreed {consensus.ToString(CultureInfo.InvariantCulture)} after reviewing the answer against the descriptors.",
                        ModeratorId = ModeratorId,
                    });
                }
            }
        }

        return new TenderPack { Tender = tender, Bids = bidList, Scores = scores, Moderation = moderation, GateDecisions = decisions };
    }

    private static List<TenderMember> Members() =>
    [
        Member("city-hospitals", "City Hospitals NHS Foundation Trust", OrganisationType.AcuteTrust, 11_800),
        Member("county-acute", "County Acute NHS Trust", OrganisationType.AcuteTrust, 7_400),
        Member("mental-health", "Mental Health and Learning Disabilities NHS Trust", OrganisationType.MentalHealthTrust, 4_300),
        Member("community", "Community Health Services NHS Trust", OrganisationType.CommunityTrust, 3_900),
        Member("icb", "Integrated Care Board", OrganisationType.SmallOrganisation, 650),
        Member("pcn-north", "North Primary Care Network", OrganisationType.GpPracticeOrPcn, 420),
    ];

    private static TenderMember Member(string id, string name, OrganisationType type, int headcount) =>
        new() { Id = id, Profile = new OrganisationProfile { Name = name, Type = type, Headcount = headcount } };

    /// <summary>Up to 10 sections sharing the questions; integer weights adding up to 100 at each level.</summary>
    private static List<Section> Sections(int questions, Random random)
    {
        var count = Math.Min(SectionPlan.Length, questions);

        // With fewer than 10 sections, share 100 between them in whole numbers.
        var sectionWeights = count == SectionPlan.Length
            ? [.. SectionPlan.Select(s => s.Weight)]
            : Split(100, count);
        var sections = new List<Section>(count);
        var number = 0;
        for (var s = 0; s < count; s++)
        {
            var inSection = (questions / count) + (s < questions % count ? 1 : 0);
            var weights = Split(100, inSection);

            // Move some weight between neighbouring questions so weights vary but still add up to 100.
            for (var i = 0; i + 1 < inSection; i += 2)
            {
                var move = random.Next(0, (int)weights[i + 1] / 2 + 1);
                weights[i] += move;
                weights[i + 1] -= move;
            }

            var plan = SectionPlan[s];
            sections.Add(new Section
            {
                Id = $"S{s + 1}",
                Title = plan.Title,
                Weight = sectionWeights[s],
                SocialValue = plan.SocialValue,
                Questions = [.. Enumerable.Range(0, inSection).Select(i =>
                {
                    var topic = Topics[number++ % Topics.Length];
                    return new Question
                    {
                        Id = $"Q{s + 1}.{i + 1}",
                        Title = $"{char.ToUpperInvariant(topic[0])}{topic[1..]}",
                        Text = $"Describe how you will provide the {topic} across all member organisations, with evidence from a comparable contract.",
                        Weight = weights[i],
                    };
                })],
            });
        }

        return sections;
    }

    /// <summary>Splits a whole number into <paramref name="parts"/> whole numbers that add up to it.</summary>
    private static decimal[] Split(int total, int parts) =>
        [.. Enumerable.Range(0, parts).Select(i => (decimal)((total / parts) + (i < total % parts ? 1 : 0)))];

    private static List<Gate> Gates() =>
    [
        new() { Id = "G1", Title = "SEQOHS accreditation", RequirementId = "SEQ-01", Description = "SEQOHS accredited, or registered and working towards accreditation." },
        new() { Id = "G2", Title = "Two-way ESR interface", RequirementId = "INF-03", Description = "A live two-way interface with the Electronic Staff Record." },
        new() { Id = "G3", Title = "Responsible Officer", RequirementId = "STF-08", Description = "A named Responsible Officer for the provider's doctors." },
        new() { Id = "G4", Title = "Insurance", Description = "Employer's liability, public liability and clinical negligence cover at the required levels." },
    ];

    private static List<Lot> Lots(int lots, List<TenderMember> members, List<Section> sections, List<Gate> gates)
    {
        Lot Make(string id, string title, IReadOnlyList<string> memberIds) => new()
        {
            Id = id,
            Title = title,
            MemberIds = memberIds,
            Gates = gates,
            Sections = sections,
            QualityWeight = 60m,
            PriceWeight = 40m,
            Price = new PriceModel { ContractYears = 3, ExtensionYears = 2, EvaluateExtensions = true, Method = PriceMethod.Proportional },
            MinimumQualityPercent = 35m,
            TieBreak = new TieBreak { Rule = TieBreakRule.HighestQuality },
        };

        return lots == 1
            ? [Make("lot-1", "Occupational health service for all members", [.. members.Select(m => m.Id)])]
            :
            [
                Make("lot-1", "Occupational health service for the trusts", [.. members.Take(4).Select(m => m.Id)]),
                Make("lot-2", "Occupational health service for the ICB and primary care", [.. members.Skip(4).Select(m => m.Id)]),
            ];
    }

    private static Declarations DeclarationsFor(Random random, bool esrOnlyPlanned, bool noResponsibleOfficer) => new()
    {
        Seqohs = random.Next(4) == 0 ? SeqohsStatus.WorkingTowards : SeqohsStatus.Accredited,
        SeqohsDate = new DateOnly(2015 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28)),
        Esr = esrOnlyPlanned ? EsrInterface.Planned : EsrInterface.Live,
        EsrDate = esrOnlyPlanned ? new DateOnly(2026, 10, 1) : new DateOnly(2018 + random.Next(7), 1 + random.Next(12), 1),
        ResponsibleOfficer = noResponsibleOfficer ? null : "Dr A. N. Other",
        ConsultantQualification = random.Next(3) == 0 ? ConsultantQualification.Cesr : ConsultantQualification.Cct,
        Staffing = new StaffingFigures
        {
            OccupationalPhysicians = 2m + random.Next(12),
            OhNurses = 8m + random.Next(40),
            OtherClinical = 2m + random.Next(15),
            NursingPracticeTeachers = random.Next(4),
            StrPosts = random.Next(3),
        },
    };

    /// <summary>Annual prices of about £42 to £86 a head, higher for stronger bids, rising 2-4% a year, to the penny.</summary>
    private static PriceSchedule Prices(Random random, int headcount, double strength, PriceModel model)
    {
        var perHead = 30m + (14m * (decimal)strength) + (((decimal)random.NextDouble() - 0.5m) * 16m);
        var uplift = 1.02m + ((decimal)random.NextDouble() * 0.02m);
        var annual = perHead * headcount;
        var years = new List<decimal>();
        for (var y = 0; y < model.ContractYears + model.ExtensionYears; y++)
        {
            years.Add(Math.Round(annual, 2));
            annual *= uplift;
        }

        return new PriceSchedule { AnnualPrices = [.. years.Take(model.ContractYears)], ExtensionPrices = [.. years.Skip(model.ContractYears)] };
    }

    private static string Rationale(decimal score, Question question) => score switch
    {
        0m => $"{question.Id}: the answer does not address the {question.Title.ToLowerInvariant()}.",
        1m => $"{question.Id}: covers the {question.Title.ToLowerInvariant()} only in part; little evidence from comparable contracts.",
        2m => $"{question.Id}: meets the requirement for the {question.Title.ToLowerInvariant()} with some evidence; minor gaps in mobilisation.",
        3m => $"{question.Id}: meets the requirement fully with clear evidence of delivering the {question.Title.ToLowerInvariant()}.",
        _ => $"{question.Id}: strong evidence for the {question.Title.ToLowerInvariant()} and added value beyond the specification.",
    };
}
