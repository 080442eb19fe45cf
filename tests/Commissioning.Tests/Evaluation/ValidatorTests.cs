using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>Every validator message, each from one change to an otherwise valid tender pack.</summary>
public sealed class ValidatorTests
{
    private static TenderPack Valid()
    {
        var lot = Lot(
            [Section("s1", 60m, Q("Q1", 50m, requirementId: "GOV-02"), Q("Q2", 50m)), Section("sv", 40m, Q("SV1")) with { SocialValue = true }],
            gates: [new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." }]);
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 100m) with { Answers = [new Answer { QuestionId = "Q1", Text = "We take part in MoHaWK2." }] }, Bid("b", 120m)],
            Scores = [.. Agreed("a", "Q1", 3), .. Agreed("b", "Q1", 2)],
            Moderation = [Moderated("a", "Q2", 2)],
            GateDecisions = [new GateDecision { BidId = "a", GateId = "G1", Passed = true, Reason = "Certificate seen.", DecidedBy = "m" }],
        };
    }

    private static LowPriceDecision LowPrice(string bidId, LowPriceOutcome outcome) =>
        new() { BidId = bidId, Outcome = outcome, Reason = "The bidder showed its staffing costs.", DecidedBy = "m" };

    private static ConflictOfInterestDeclaration Declared(string evaluatorId) => new()
    {
        EvaluatorId = evaluatorId,
        DeclaredBy = "Ann Evans",
        DeclaredAt = new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero),
        Bidders = ["Provider A"],
        HasConflict = false,
    };

    private static ConflictOfInterestDeclaration Conflicted() => Declared("e1") with { HasConflict = true, Details = "I advised Provider A." };

    private static ConflictDecision Decision() => new() { MayContinue = true, Reason = "Managed.", DecidedBy = "Olive Owner", DecidedAt = new DateTimeOffset(2027, 1, 5, 9, 30, 0, TimeSpan.Zero) };

    private static TenderPack WithLot(TenderPack pack, Func<Lot, Lot> change) =>
        pack with { Tender = pack.Tender with { Lots = [change(pack.Tender.Lots[0]), .. pack.Tender.Lots.Skip(1)] } };

    private static TenderPack WithSection(TenderPack pack, int index, Func<Section, Section> change) =>
        WithLot(pack, l => l with { Sections = [.. l.Sections.Select((s, i) => i == index ? change(s) : s)] });

    private static TenderPack WithBid(TenderPack pack, Func<Bid, Bid> change) =>
        pack with { Bids = [change(pack.Bids[0]), .. pack.Bids.Skip(1)] };

    private static string[] Messages(TenderPack pack) =>
        [.. new TenderPackValidator(Repository.Standards).Validate(pack).Errors.Select(e => e.ErrorMessage)];

    [Test]
    public void ValidPack_HasNoErrors()
    {
        Assert.That(Messages(Valid()), Is.Empty);
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        // Each case: the change, the message it gives and where (the property path, which the
        // command line turns into the JSON path).
        TestCaseData Case(string name, Func<TenderPack, TenderPack> change, string message, string property) =>
            new TestCaseData(change, message, property).SetName($"Validator_{name}");

        // The tender.
        yield return Case("NoTitle", p => p with { Tender = p.Tender with { Title = "" } }, "Enter the tender's title", "Tender.Title");
        yield return Case("NoMembers", p => p with { Tender = p.Tender with { Members = [] } }, "Add at least one organisation the tender buys for", "Tender.Members");
        yield return Case("MemberWithoutId", p => p with { Tender = p.Tender with { Members = [p.Tender.Members[0] with { Id = "" }] } }, "Member 1 has no id. Give each member a short id, such as 'city-hospitals'.", "Tender.Members[0].Id");
        yield return Case("MemberProfileInvalid", p => p with { Tender = p.Tender with { Members = [p.Tender.Members[0] with { Profile = p.Tender.Members[0].Profile with { Headcount = 0 } }] } }, "Member 'm1': Number of staff must be 1 or more.", "Tender.Members[0].Profile.Headcount");
        yield return Case("DuplicateMember", p => p with { Tender = p.Tender with { Members = [p.Tender.Members[0], p.Tender.Members[0]] } }, "The member id 'm1' is used more than once. Each member needs its own id.", "Tender.Members");
        yield return Case("UnknownRegime", p => p with { Tender = p.Tender with { Regime = p.Tender.Regime with { Regime = (ProcurementRegime)9 } } }, "Choose the Procurement Act 2023 or the Provider Selection Regime 2023", "Tender.Regime.Regime");
        yield return Case("NoProcedure", p => p with { Tender = p.Tender with { Regime = p.Tender.Regime with { Procedure = " " } } }, "Enter the procedure or process the tender follows, such as 'Open procedure' or 'Competitive process'", "Tender.Regime.Procedure");
        yield return Case("NoRationale", p => p with { Tender = p.Tender with { Regime = p.Tender.Regime with { Rationale = "" } } }, "Record why this regime and procedure were chosen", "Tender.Regime.Rationale");
        yield return Case("ScaleMaximum", p => p with { Tender = p.Tender with { Scale = ScoringScale.ZeroToFour with { Maximum = 7 } } }, "The scoring scale runs from 0 to 7. It must run from 0 to 4, 5, 10 or 100.", "Tender.Scale.Maximum");
        yield return Case("ScaleEnds", p => p with { Tender = p.Tender with { Scale = ScoringScale.ZeroToFour with { Levels = [.. ScoringScale.ZeroToFour.Levels.Take(4)] } } }, "The scoring scale needs descriptors for 0 and for 4.", "Tender.Scale.Levels");
        yield return Case("ScaleLevelOutside", p => p with { Tender = p.Tender with { Scale = ScoringScale.ZeroToFour with { Levels = [.. ScoringScale.ZeroToFour.Levels, new ScaleLevel { Score = 6, Label = "Beyond", Descriptor = "x" }] } } }, "The scale descriptor 'Beyond' is for 6, outside 0 to 4.", "Tender.Scale.Levels[5].Score");
        yield return Case("ScaleLevelBlank", p => p with { Tender = p.Tender with { Scale = ScoringScale.ZeroToFour with { Levels = [.. ScoringScale.ZeroToFour.Levels.Take(4), new ScaleLevel { Score = 4, Label = "", Descriptor = "x" }] } } }, "The scale level for 4 needs a label and a descriptor.", "Tender.Scale.Levels[4]");
        yield return Case("ScaleLevelTwice", p => p with { Tender = p.Tender with { Scale = ScoringScale.ZeroToFour with { Levels = [.. ScoringScale.ZeroToFour.Levels, ScoringScale.ZeroToFour.Levels[2]] } } }, "The scale has more than one descriptor for 2.", "Tender.Scale.Levels");
        yield return Case("SpreadFlag", p => p with { Tender = p.Tender with { SpreadFlag = 5m } }, "The spread that flags scores for moderation is 5. It must be more than 0 and no more than 4.", "Tender.SpreadFlag");
        yield return Case("KeyDatesOutOfOrder", p => p with { Tender = p.Tender with { ClarificationDeadline = new DateOnly(2027, 3, 26), BidDeadline = new DateOnly(2027, 3, 26) } },
            "The clarification deadline (26 March 2027) must be before the bid deadline (26 March 2027), so that answers to bidders' questions reach every bidder in time.", "Tender.ClarificationDeadline");
        yield return Case("NoEvaluators", p => p with { Tender = p.Tender with { Evaluators = [], Assignments = [] } }, "Add at least one evaluator", "Tender.Evaluators");
        yield return Case("EvaluatorWithoutId", p => p with { Tender = p.Tender with { Evaluators = [.. p.Tender.Evaluators, new Evaluator { Id = "", Name = "X" }] } }, "Evaluator 5 has no id.", "Tender.Evaluators[4].Id");
        yield return Case("EvaluatorWithoutName", p => p with { Tender = p.Tender with { Evaluators = [.. p.Tender.Evaluators, new Evaluator { Id = "e9", Name = "" }] } }, "Evaluator e9 has no name.", "Tender.Evaluators[4].Name");
        yield return Case("DuplicateEvaluator", p => p with { Tender = p.Tender with { Evaluators = [.. p.Tender.Evaluators, p.Tender.Evaluators[0]] } }, "The evaluator id 'e1' is used more than once.", "Tender.Evaluators");
        yield return Case("NoLots", p => p with { Tender = p.Tender with { Lots = [], Assignments = [] }, Bids = [], Scores = [], Moderation = [], GateDecisions = [] }, "Add at least one lot", "Tender.Lots");
        yield return Case("DuplicateLot", p => p with { Tender = p.Tender with { Lots = [p.Tender.Lots[0], p.Tender.Lots[0]] } }, "The lot id 'lot-1' is used more than once.", "Tender.Lots");

        // A lot.
        yield return Case("LotWithoutId", p => WithLot(p, l => l with { Id = "" }), "Lot 1 has no id.", "Tender.Lots[0].Id");
        yield return Case("LotWithoutTitle", p => WithLot(p, l => l with { Title = "" }), "Lot 1 has no title.", "Tender.Lots[0].Title");
        yield return Case("LotWithoutMembers", p => WithLot(p, l => l with { MemberIds = [] }), "Lot 1 (Lot lot-1) serves no members. Name at least one member organisation.", "Tender.Lots[0].MemberIds");
        yield return Case("LotUnknownMember", p => WithLot(p, l => l with { MemberIds = ["m1", "ghost"] }), "Lot 1 (Lot lot-1) names the member 'ghost', which is not a member of the tender.", "Tender.Lots[0].MemberIds[1]");
        yield return Case("QualityAndPrice", p => WithLot(p, l => l with { QualityWeight = 60m, PriceWeight = 35m }), "Quality and price weights for lot 1 (Lot lot-1) add up to 95%. They must add up to 100%. To use another total, declare them as points.", "Tender.Lots[0].QualityWeight");
        yield return Case("MinimumQuality", p => WithLot(p, l => l with { MinimumQualityPercent = 120m }), "The minimum quality for lot 1 (Lot lot-1) is 120%. It must be between 0% and 100%.", "Tender.Lots[0].MinimumQualityPercent");
        yield return Case("ContractYears", p => WithLot(p, l => l with { Price = l.Price with { ContractYears = 0 } }), "The contract for lot 1 (Lot lot-1) is 0 years. It must be between 1 and 15 years.", "Tender.Lots[0].Price.ContractYears");
        yield return Case("ExtensionYears", p => WithLot(p, l => l with { Price = l.Price with { ExtensionYears = 11 } }), "The extension for lot 1 (Lot lot-1) is 11 years. It must be between 0 and 10 years.", "Tender.Lots[0].Price.ExtensionYears");
        yield return Case("PriceMethod", p => WithLot(p, l => l with { Price = l.Price with { Method = (PriceMethod)9 } }), "Choose how price is scored for lot 1 (Lot lot-1): proportional, linear, deviation or price per quality point.", "Tender.Lots[0].Price.Method");
        yield return Case("LinearWithoutCeiling", p => WithLot(p, l => l with { Price = l.Price with { Method = PriceMethod.Linear } }), "Lot 1 (Lot lot-1) scores price on a straight line up to a ceiling. Enter the ceiling price, such as the budget, over the evaluated years.", "Tender.Lots[0].Price.Ceiling");
        yield return Case("NegativeCeiling", p => WithLot(p, l => l with { Price = l.Price with { Ceiling = -1m } }), "The price ceiling for lot 1 (Lot lot-1) is -£1.00. It must be more than £0 and no more than £10,000,000,000.00.", "Tender.Lots[0].Price.Ceiling");
        yield return Case("ZeroCeiling", p => WithLot(p, l => l with { Price = l.Price with { Ceiling = 0m } }), "The price ceiling for lot 1 (Lot lot-1) is £0.00. It must be more than £0 and no more than £10,000,000,000.00.", "Tender.Lots[0].Price.Ceiling");
        yield return Case("QualityWeightOutOfRange", p => WithLot(p, l => l with { QualityWeight = 79_000_000_000_000_000_000_000_000_000m, PriceWeight = 79_000_000_000_000_000_000_000_000_000m }), "Quality and price weights for lot 1 (Lot lot-1) must each be between 0% and 100%.", "Tender.Lots[0].QualityWeight");
        yield return Case("SectionWeightHuge", p => WithSection(p, 0, s => s with { Weight = 79_000_000_000_000_000_000_000_000_000m }).Pipe(x => WithSection(x, 1, s => s with { Weight = 79_000_000_000_000_000_000_000_000_000m })), "The weight of section s1 (Section s1) of lot 1 (Lot lot-1) is 79000000000000000000000000000%. It must be more than 0% and no more than 100%.", "Tender.Lots[0].Sections[0].Weight");
        yield return Case("DuplicateGateDecision", p => p with { GateDecisions = [p.GateDecisions[0], p.GateDecisions[0] with { Passed = false }] }, "Bid a has more than one decision on gate G1. Keep one.", "GateDecisions");
        yield return Case("PricePerPointWithoutQuality", p => WithLot(p, l => l with { QualityWeight = 0m, PriceWeight = 100m, Price = l.Price with { Method = PriceMethod.PricePerQualityPoint } }), "Lot 1 (Lot lot-1) scores price per quality point, which needs quality to be scored. Give quality a weight.", "Tender.Lots[0].Price.Method");
        yield return Case("DuplicateGate", p => WithLot(p, l => l with { Gates = [l.Gates[0], l.Gates[0]] }), "The gate id 'G1' is used more than once in lot 1 (Lot lot-1).", "Tender.Lots[0].Gates");
        yield return Case("GateIncomplete", p => WithLot(p, l => l with { Gates = [l.Gates[0] with { Description = "" }] }), "Every gate in lot 1 (Lot lot-1) needs an id, a title and a description of what a bid must show to pass.", "Tender.Lots[0].Gates[0]");
        yield return Case("GateUnknownRequirement", p => WithLot(p, l => l with { Gates = [l.Gates[0] with { RequirementId = "ZZZ-99" }] }), "Gate G1 in lot 1 (Lot lot-1) cites the requirement ZZZ-99, which is not in the standards.", "Tender.Lots[0].Gates[0].RequirementId");
        yield return Case("NoSections", p => WithLot(p, l => l with { Sections = [] }) with { Scores = [], Moderation = [], Tender = WithLot(p, l => l with { Sections = [] }).Tender with { Assignments = [] } }, "Lot 1 (Lot lot-1) has no sections. Add at least one section of questions.", "Tender.Lots[0].Sections");
        yield return Case("SectionWeights", p => WithSection(p, 1, s => s with { Weight = 35m }), "Section weights for lot 1 (Lot lot-1) add up to 95%. They must add up to 100%. To use another total, declare them as points.", "Tender.Lots[0].Sections");
        yield return Case("DuplicateSection", p => WithSection(p, 1, s => s with { Id = "s1" }), "The section id 's1' is used more than once in lot 1 (Lot lot-1).", "Tender.Lots[0].Sections");
        yield return Case("DuplicateQuestion", p => WithSection(p, 1, s => s with { Questions = [s.Questions[0] with { Id = "Q1" }] }), "The question id 'Q1' is used more than once in lot 1 (Lot lot-1).", "Tender.Lots[0].Sections");
        yield return Case("TieBreakWithoutSection", p => WithLot(p, l => l with { TieBreak = new TieBreak { Rule = TieBreakRule.HighestSection } }), "The tie-break for lot 1 (Lot lot-1) uses the highest score on a section, but names no section.", "Tender.Lots[0].TieBreak.SectionId");
        yield return Case("TieBreakSection", p => WithLot(p, l => l with { TieBreak = new TieBreak { Rule = TieBreakRule.HighestSection, SectionId = "s9" } }), "The tie-break for lot 1 (Lot lot-1) uses the highest score on a section, but the section 's9' is not in the lot.", "Tender.Lots[0].TieBreak.SectionId");
        yield return Case("SectionIncomplete", p => WithSection(p, 1, s => s with { Title = "" }), "Every section of lot 1 (Lot lot-1) needs an id and a title.", "Tender.Lots[0].Sections[1]");
        yield return Case("SectionWeightZero", p => WithSection(p, 1, s => s with { Weight = 0m }).Pipe(x => WithSection(x, 0, s => s with { Weight = 100m })), "The weight of section sv (Section sv) of lot 1 (Lot lot-1) is 0%. It must be more than 0% and no more than 100%.", "Tender.Lots[0].Sections[1].Weight");
        yield return Case("SectionMinimum", p => WithSection(p, 0, s => s with { MinimumPercent = -5m }), "The minimum for section s1 (Section s1) of lot 1 (Lot lot-1) is -5%. It must be between 0% and 100%.", "Tender.Lots[0].Sections[0].MinimumPercent");
        yield return Case("SectionWithoutQuestions", p => WithSection(p, 1, s => s with { Questions = [] }) with { Scores = [.. p.Scores.Where(s => s.QuestionId != "SV1")] }, "Section sv (Section sv) of lot 1 (Lot lot-1) has no questions.", "Tender.Lots[0].Sections[1].Questions");
        yield return Case("QuestionWeights", p => WithSection(p, 0, s => s with { Questions = [s.Questions[0], s.Questions[1] with { Weight = 40m }] }), "Question weights in section s1 (Section s1) of lot 1 (Lot lot-1) add up to 90%. They must add up to 100%. To use another total, declare them as points.", "Tender.Lots[0].Sections[0].Questions");
        yield return Case("QuestionIncomplete", p => WithSection(p, 1, s => s with { Questions = [s.Questions[0] with { Text = "" }] }), "Every question in section sv (Section sv) of lot 1 (Lot lot-1) needs an id, a title and the text put to bidders.", "Tender.Lots[0].Sections[1].Questions[0]");
        yield return Case("QuestionWeightZero", p => WithSection(p, 0, s => s with { Questions = [s.Questions[0] with { Weight = 100m }, s.Questions[1] with { Weight = 0m }] }), "Question Q2 in lot 1 (Lot lot-1) has a weight of 0%. It must be more than 0% and no more than 100%.", "Tender.Lots[0].Sections[0].Questions[1].Weight");
        yield return Case("QuestionMinimum", p => WithSection(p, 1, s => s with { Questions = [s.Questions[0] with { MinimumScore = 5m }] }), "Question SV1 in lot 1 (Lot lot-1) has a minimum score of 5, outside the scale of 0 to 4.", "Tender.Lots[0].Sections[1].Questions[0].MinimumScore");
        yield return Case("QuestionUnknownRequirement", p => WithSection(p, 1, s => s with { Questions = [s.Questions[0] with { RequirementId = "GOV-99" }] }), "Question SV1 in lot 1 (Lot lot-1) cites the requirement GOV-99, which is not in the standards.", "Tender.Lots[0].Sections[1].Questions[0].RequirementId");

        // Weights in points, the quality method and the abnormally low price check (a lot, and a section's questions).
        yield return Case("WeightUnitUnknown", p => WithLot(p, l => l with { Weights = (WeightUnit)9 }), "Choose whether the weights for lot 1 (Lot lot-1) are written as percentages or as points.", "Tender.Lots[0].Weights");
        yield return Case("PointsOutOfRange", p => WithLot(p, l => l with { Weights = WeightUnit.Points, QualityWeight = -1m, PriceWeight = 40m }), "Quality and price weights for lot 1 (Lot lot-1) are in points: each must be between 0 and 1,000,000 points.", "Tender.Lots[0].QualityWeight");
        yield return Case("PointsBothZero", p => WithLot(p, l => l with { Weights = WeightUnit.Points, QualityWeight = 0m, PriceWeight = 0m }), "Quality and price weights for lot 1 (Lot lot-1) are both 0 points. Give quality, price or both some points.", "Tender.Lots[0].QualityWeight");
        yield return Case("QualityMethodUnknown", p => WithLot(p, l => l with { QualityMethod = (QualityMethod)9 }), "Choose how quality is scored for lot 1 (Lot lot-1): absolute (against the scale) or relative (against the best eligible bid).", "Tender.Lots[0].QualityMethod");
        yield return Case("AbnormallyLowPercent", p => WithLot(p, l => l with { AbnormallyLowPercent = 120m }), "The abnormally low price check for lot 1 (Lot lot-1) flags prices below 120% of the median. It must be between 0% (no check) and 100%.", "Tender.Lots[0].AbnormallyLowPercent");
        yield return Case("SectionPointsOutOfRange", p => WithLot(p, l => l with { SectionWeights = WeightUnit.Points }).Pipe(x => WithSection(x, 1, s => s with { Weight = 0m })), "The weight of section sv (Section sv) of lot 1 (Lot lot-1) is 0 points. It must be more than 0 and no more than 1,000,000 points.", "Tender.Lots[0].Sections[1].Weight");
        yield return Case("QuestionWeightUnitUnknown", p => WithSection(p, 0, s => s with { QuestionWeights = (WeightUnit)9 }), "Choose whether the question weights in section s1 (Section s1) of lot 1 (Lot lot-1) are written as percentages or as points.", "Tender.Lots[0].Sections[0].QuestionWeights");
        yield return Case("QuestionPointsOutOfRange", p => WithSection(p, 0, s => s with { QuestionWeights = WeightUnit.Points, Questions = [s.Questions[0] with { Weight = 2_000_000m }, s.Questions[1]] }), "Question Q1 in lot 1 (Lot lot-1) has a weight of 2000000 points. It must be more than 0 and no more than 1,000,000 points.", "Tender.Lots[0].Sections[0].Questions[0].Weight");

        // Decisions on prices that may be abnormally low.
        yield return Case("LowPriceDecisionUnknownBid", p => p with { LowPriceDecisions = [LowPrice("zz", LowPriceOutcome.Accepted)] }, "The decision on the price of bid zz is for a bid that does not exist.", "LowPriceDecisions[0].BidId");
        yield return Case("LowPriceDecisionOutcome", p => p with { LowPriceDecisions = [LowPrice("a", (LowPriceOutcome)9)] }, "The decision on the price of bid a needs an outcome: accepted, or excluded.", "LowPriceDecisions[0].Outcome");
        yield return Case("LowPriceDecisionWithoutReason", p => p with { LowPriceDecisions = [LowPrice("a", LowPriceOutcome.Accepted) with { Reason = " " }] }, "The decision on the price of bid a has no reason. Record what the bidder said and why the price was accepted or the bid excluded.", "LowPriceDecisions[0].Reason");
        yield return Case("LowPriceDecisionUnknownPerson", p => p with { LowPriceDecisions = [LowPrice("a", LowPriceOutcome.Excluded) with { DecidedBy = "ghost" }] }, "The decision on the price of bid a was made by 'ghost', who is not on the tender's panel.", "LowPriceDecisions[0].DecidedBy");
        // Declarations of conflicts of interest.
        yield return Case("DeclarationUnknownEvaluator", p => p with { ConflictDeclarations = [Declared("ghost")] }, "The declaration of conflicts of interest by evaluator ghost is for an evaluator who is not on the tender's panel.", "ConflictDeclarations[0].EvaluatorId");
        yield return Case("DeclarationWithoutName", p => p with { ConflictDeclarations = [Declared("e1") with { DeclaredBy = " " }] }, "The declaration of conflicts of interest by evaluator e1 does not say who declared. Give their name.", "ConflictDeclarations[0].DeclaredBy");
        yield return Case("DeclaredConflictUndescribed", p => p with { ConflictDeclarations = [Declared("e1") with { HasConflict = true }] }, "The declaration of conflicts of interest by evaluator e1 declares a conflict but does not describe it. Say what the conflict is.", "ConflictDeclarations[0].Details");
        yield return Case("DecisionWithoutConflict", p => p with { ConflictDeclarations = [Declared("e1") with { Decision = Decision() }] }, "The declaration of conflicts of interest by evaluator e1 declares no conflict, so it cannot have a decision on one. Remove the decision, or declare the conflict.", "ConflictDeclarations[0].Decision");
        yield return Case("DecisionWithoutReason", p => p with { ConflictDeclarations = [Conflicted() with { Decision = Decision() with { Reason = "" } }] }, "The declaration of conflicts of interest by evaluator e1 has a decision with no reason. Say how the conflict is managed, or why the evaluator was stood down.", "ConflictDeclarations[0].Decision.Reason");
        yield return Case("DecisionWithoutName", p => p with { ConflictDeclarations = [Conflicted() with { Decision = Decision() with { DecidedBy = "" } }] }, "The declaration of conflicts of interest by evaluator e1 has a decision that does not say who decided. Give their name.", "ConflictDeclarations[0].Decision.DecidedBy");
        yield return Case("DecisionBeforeDeclaration", p => p with { ConflictDeclarations = [Conflicted() with { Decision = Decision() with { DecidedAt = Declared("e1").DeclaredAt.AddHours(-1) } }] }, "The declaration of conflicts of interest by evaluator e1 has a decision dated before the declaration. Check both dates.", "ConflictDeclarations[0].Decision.DecidedAt");
        yield return Case("DeclarationTwice", p => p with { ConflictDeclarations = [Declared("e1"), Declared("e1")] }, "Evaluator e1 has more than one declaration of conflicts of interest. Keep one.", "ConflictDeclarations");
        yield return Case("DeclarationDetailsControlCharacter", p => p with { ConflictDeclarations = [Conflicted() with { Details = "Bell\u0007" }] }, "The conflict declared by evaluator 'e1' must be plain text: remove the control character (U+0007) at character 5.", "ConflictDeclarations[0].Details");
        yield return Case("LowPriceDecisionTwice", p => p with { LowPriceDecisions = [LowPrice("a", LowPriceOutcome.Accepted), LowPrice("a", LowPriceOutcome.Excluded)] }, "Bid a has more than one decision on its price. Keep one.", "LowPriceDecisions");

        // Assignments.
        yield return Case("AssignmentUnknownEvaluator", p => p with { Tender = p.Tender with { Assignments = [.. p.Tender.Assignments, new Assignment { EvaluatorId = "ghost", LotId = "lot-1" }] } }, "Assignment 4 names the evaluator 'ghost', who is not an evaluator of the tender.", "Tender.Assignments[3].EvaluatorId");
        yield return Case("AssignmentUnknownLot", p => p with { Tender = p.Tender with { Assignments = [.. p.Tender.Assignments, new Assignment { EvaluatorId = "e1", LotId = "lot-9" }] } }, "Assignment 4 names the lot 'lot-9', which is not a lot of the tender.", "Tender.Assignments[3].LotId");
        yield return Case("AssignmentUnknownQuestion", p => p with { Tender = p.Tender with { Assignments = [.. p.Tender.Assignments, new Assignment { EvaluatorId = "e1", LotId = "lot-1", QuestionIds = ["Q9"] }] } }, "Assignment 4 names the question 'Q9', which is not a question of lot 1 (Lot lot-1).", "Tender.Assignments[3].QuestionIds[0]");
        yield return Case("QuestionWithoutEvaluator", p => p with { Tender = p.Tender with { Assignments = [.. Panel.Select(e => new Assignment { EvaluatorId = e, LotId = "lot-1", QuestionIds = ["Q1", "Q2"] })] } }, "No evaluator is assigned to question SV1 in lot 1 (Lot lot-1).", "Tender.Assignments");

        // Bids.
        yield return Case("BidWithoutId", p => WithBid(p, b => b with { Id = "" }), "Every bid needs an id", "Bids[0].Id");
        yield return Case("BidWithoutProvider", p => WithBid(p, b => b with { Provider = "" }), "Bid a has no provider name", "Bids[0].Provider");
        yield return Case("DuplicateBid", p => p with { Bids = [p.Bids[0], p.Bids[0], p.Bids[1]] }, "The bid id 'a' is used more than once.", "Bids");
        yield return Case("BidUnknownLot", p => WithBid(p, b => b with { LotId = "lot-9" }) with { Scores = [.. p.Scores.Where(s => s.BidId != "a")], Moderation = [], GateDecisions = [] }, "Bid a (Provider A) is for the lot 'lot-9', which is not a lot of the tender.", "Bids[0].LotId");
        yield return Case("AnnualPriceCount", p => WithBid(p, b => b with { Price = new PriceSchedule { AnnualPrices = [100m, 100m] } }), "Bid a (Provider A) gives 2 annual prices for lot 1 (Lot lot-1). It needs one for each of the 1 contract years.", "Bids[0].Price.AnnualPrices");
        yield return Case("AnnualPriceHuge", p => WithBid(p, b => b with { Price = new PriceSchedule { AnnualPrices = [79_000_000_000_000_000_000_000_000_000m] } }), "The price for year 1 in bid a (Provider A) is £79,000,000,000,000,000,000,000,000,000.00. It must be more than £0 and no more than £10,000,000,000.00.", "Bids[0].Price.AnnualPrices[0]");
        yield return Case("AnnualPriceZero", p => WithBid(p, b => b with { Price = new PriceSchedule { AnnualPrices = [0m] } }), "The price for year 1 in bid a (Provider A) is £0.00. It must be more than £0 and no more than £10,000,000,000.00.", "Bids[0].Price.AnnualPrices[0]");
        yield return Case("ExtensionPriceCount", p => WithLot(p, l => l with { Price = l.Price with { ExtensionYears = 1 } }).Pipe(x => x with { Bids = [x.Bids[0], x.Bids[1] with { Price = x.Bids[1].Price with { ExtensionPrices = [130m] } }] }), "Bid a (Provider A) gives 0 extension prices for lot 1 (Lot lot-1). It needs one for each of the 1 extension years.", "Bids[0].Price.ExtensionPrices");
        yield return Case("ExtensionPriceZero", p => WithLot(p, l => l with { Price = l.Price with { ExtensionYears = 1 } }).Pipe(x => x with { Bids = [x.Bids[0] with { Price = x.Bids[0].Price with { ExtensionPrices = [-5m] } }, x.Bids[1] with { Price = x.Bids[1].Price with { ExtensionPrices = [130m] } }] }), "The price for extension year 1 in bid a (Provider A) is -£5.00. It must be more than £0 and no more than £10,000,000,000.00.", "Bids[0].Price.ExtensionPrices[0]");
        yield return Case("AnswerUnknownQuestion", p => WithBid(p, b => b with { Answers = [new Answer { QuestionId = "Q9", Text = "x" }] }), "Bid a (Provider A) answers the question 'Q9', which is not a question of lot 1 (Lot lot-1).", "Bids[0].Answers[0].QuestionId");
        yield return Case("AnswerTwice", p => WithBid(p, b => b with { Answers = [b.Answers[0], b.Answers[0]] }), "Bid a (Provider A) answers Q1 more than once.", "Bids[0].Answers");
        yield return Case("SeqohsDate", p => WithBid(p, b => b with { Declarations = b.Declarations with { Seqohs = SeqohsStatus.Accredited } }), "Bid a (Provider A) declares SEQOHS accreditation. Enter the date it was awarded.", "Bids[0].Declarations.SeqohsDate");
        yield return Case("EsrLiveDate", p => WithBid(p, b => b with { Declarations = b.Declarations with { Esr = EsrInterface.Live } }), "Bid a (Provider A) declares the ESR interface live. Enter the date it went live.", "Bids[0].Declarations.EsrDate");
        yield return Case("EsrPlannedDate", p => WithBid(p, b => b with { Declarations = b.Declarations with { Esr = EsrInterface.Planned } }), "Bid a (Provider A) declares the ESR interface planned. Enter the date it is planned to go live.", "Bids[0].Declarations.EsrDate");
        yield return Case("UnknownSubSpecialism", p => WithBid(p, b => b with { Declarations = b.Declarations with { SubSpecialisms = new Dictionary<string, SubSpecialismProvision> { ["SUB-01"] = new() { Mode = ProvisionMode.Direct } } } }), "Bid a (Provider A) declares 'SUB-01', which is not a sub-specialism. Use SUB-02 to SUB-11.", "Bids[0].Declarations.SubSpecialisms[SUB-01]");
        yield return Case("PartnerUnnamed", p => WithBid(p, b => b with { Declarations = b.Declarations with { SubSpecialisms = new Dictionary<string, SubSpecialismProvision> { ["SUB-06"] = new() { Mode = ProvisionMode.Partner } } } }), "Bid a (Provider A) provides radiation (SUB-06) through a partner. Name the partner.", "Bids[0].Declarations.SubSpecialisms[SUB-06].Partner");
        yield return Case("NegativeStaffing", p => WithBid(p, b => b with { Declarations = b.Declarations with { Staffing = new StaffingFigures { OhNurses = -1m } } }), "Staffing figures in bid a (Provider A) cannot be negative.", "Bids[0].Declarations.Staffing");

        // Scores.
        yield return Case("ScoreUnknownEvaluator", p => p with { Scores = [.. p.Scores, Score("ghost", "a", "Q2", 2)] }, "A score is from 'ghost', who is not an evaluator of the tender.", "Scores[6].EvaluatorId");
        yield return Case("ScoreUnknownBid", p => p with { Scores = [.. p.Scores, Score("e1", "zz", "Q2", 2)] }, "Evaluator e1's score for bid zz on Q2 is for a bid that does not exist.", "Scores[6].BidId");
        yield return Case("ScoreUnknownQuestion", p => p with { Scores = [.. p.Scores, Score("e1", "a", "Q9", 2)] }, "Evaluator e1's score for bid a on Q9 is for a question that is not in the bid's lot.", "Scores[6].QuestionId");
        yield return Case("ScoreNotAssigned", p => p with { Scores = [.. p.Scores, Score("m", "a", "Q2", 2)] }, "Evaluator m's score for bid a on Q2 is not allowed: the evaluator is not assigned to Q2 in lot 1 (Lot lot-1).", "Scores[6].EvaluatorId");
        yield return Case("ScoreOffScale", p => p with { Scores = [.. p.Scores, Score("e1", "a", "Q2", 5)] }, "Evaluator e1's score for bid a on Q2 is 5. Scores are whole numbers from 0 to 4.", "Scores[6].Score");
        yield return Case("ScoreNotWhole", p => p with { Scores = [.. p.Scores, Score("e1", "a", "Q2", 2.5m)] }, "Evaluator e1's score for bid a on Q2 is 2.5. Scores are whole numbers from 0 to 4.", "Scores[6].Score");
        yield return Case("ScoreWithoutRationale", p => p with { Scores = [.. p.Scores, Score("e1", "a", "Q2", 2) with { Rationale = " " }] }, "Evaluator e1's score for bid a on Q2 has no rationale. Explain the score with reference to the bid's answer.", "Scores[6].Rationale");
        yield return Case("ScoreTwice", p => p with { Scores = [.. p.Scores, p.Scores[0]] }, "Evaluator e1 scored bid a on Q1 more than once. Keep one score.", "Scores");

        // Moderation.
        yield return Case("ModerationUnknown", p => p with { Moderation = [Moderated("a", "Q9", 2)] }, "The consensus score for bid a on Q9 is for a bid or question that does not exist.", "Moderation[0].QuestionId");
        yield return Case("ModerationOffScale", p => p with { Moderation = [Moderated("a", "Q2", -1)] }, "The consensus score for bid a on Q2 is -1. Scores are whole numbers from 0 to 4.", "Moderation[0].Score");
        yield return Case("ModerationWithoutReason", p => p with { Moderation = [Moderated("a", "Q2", 2) with { Reason = "" }] }, "The consensus score for bid a on Q2 has no reason. Record why the panel agreed it.", "Moderation[0].Reason");
        yield return Case("ModerationUnknownModerator", p => p with { Moderation = [Moderated("a", "Q2", 2) with { ModeratorId = "ghost" }] }, "The consensus score for bid a on Q2 was recorded by 'ghost', who is not on the tender's panel.", "Moderation[0].ModeratorId");
        yield return Case("ModerationTwice", p => p with { Moderation = [Moderated("a", "Q2", 2), Moderated("a", "Q2", 3)] }, "Bid a has more than one consensus score on Q2. Keep one.", "Moderation");

        // Gate decisions.
        yield return Case("GateDecisionUnknown", p => p with { GateDecisions = [p.GateDecisions[0] with { GateId = "G9" }] }, "The decision on gate G9 for bid a is for a bid or gate that does not exist.", "GateDecisions[0].GateId");
        yield return Case("GateDecisionWithoutReason", p => p with { GateDecisions = [p.GateDecisions[0] with { Reason = "" }] }, "The decision on gate G1 for bid a has no reason. Record why the bid passed or failed.", "GateDecisions[0].Reason");
        yield return Case("GateDecisionUnknownPerson", p => p with { GateDecisions = [p.GateDecisions[0] with { DecidedBy = "ghost" }] }, "The decision on gate G1 for bid a was made by 'ghost', who is not on the tender's panel.", "GateDecisions[0].DecidedBy");
    }

    /// <summary>
    /// The change gives its message, word for word, at its property path. Some changes rightly
    /// give other errors too (removing every member also leaves the lot naming an unknown
    /// member), so the message must be among them.
    /// </summary>
    [TestCaseSource(nameof(Cases))]
    public void OneChange_GivesItsMessage_AtItsPlace(Func<TenderPack, TenderPack> change, string message, string property)
    {
        var errors = new TenderPackValidator(Repository.Standards).Validate(change(Valid())).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        Assert.That(errors.Select(e => e.ErrorMessage), Does.Contain(message));
        Assert.That(errors.Where(e => e.ErrorMessage == message).Select(e => e.PropertyName), Does.Contain(property), "where the error is");
    }

    /// <summary>
    /// Each message written in the tender validators, read from their source with its place, has
    /// a case above (or, for the checks that need today's date, in DeclarationsValidatorTests)
    /// that gives it; a message with no case is named. Messages passed on from
    /// elsewhere are the known ones: a bid's declarations (DeclarationsValidator, whose messages
    /// are read here too), a member's profile (the case MemberProfileInvalid; the profile
    /// validator has its own tests) and the text rules (Text/TextFieldTests).
    /// </summary>
    [Test]
    public void EveryMessageInTheValidators_IsCoveredByACase()
    {
        var scan = MessageTemplates.Read(Path.Combine(Repository.Root, "src", "Commissioning.Core", "Tenders", "Validation"));
        var expected = Cases().Select(c => (string)c.Arguments[1]!).Concat(Validation.DeclarationsValidatorTests.Messages).ToList();

        Assert.That(scan.Templates, Has.Count.GreaterThan(90), "the validators' messages were read");
        Assert.That(scan.Forwarders.Select(f => $"{f.File}: {f.Expression}"), Is.EquivalentTo(new[]
        {
            "DeclarationsValidator.cs: message",
            "DeclarationsValidator.cs: message",
            "TenderPackValidator.cs: message",
            "TenderValidator.cs: $\"Member {Name(member, i)}: {error.ErrorMessage}.\"",
            "TextValidators.cs: TextRules.Message(field, problem, TextShape.OneLine) + \".\"",
        }), "a message passed on from elsewhere");
        Assert.Multiple(() =>
        {
            foreach (var template in scan.Templates)
            {
                Assert.That(template.Pattern.ToString().Replace(".*?", "", StringComparison.Ordinal).Length, Is.GreaterThan(12), $"{template}: too little fixed text to tell it apart");
                Assert.That(expected.Any(template.Pattern.IsMatch), Is.True, $"no case gives the message at {template}");
            }
        });
    }
}

internal static class PipeExtensions
{
    public static TOut Pipe<TIn, TOut>(this TIn value, Func<TIn, TOut> function) => function(value);
}
