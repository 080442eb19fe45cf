using Commissioning.Application;
using Commissioning.Application.Tenders;

namespace Commissioning.Tests.Application;

/// <summary>The audit trail in plain English: who did what to which, with ids replaced by names.</summary>
public sealed class AuditNarrativeTests
{
    private static readonly AuditNames Names = new(
        Bids: new Dictionary<string, string> { ["bid-a"] = "Alpha OH Ltd" },
        Evaluators: new Dictionary<string, string> { ["e1"] = "Alex Morgan", ["m1"] = "Robin Hale" },
        People: new Dictionary<string, string> { ["u-1"] = "Sam Okonkwo" },
        Questions: new Dictionary<string, string> { ["Q1.1"] = "Prevention" },
        Gates: new Dictionary<string, string> { ["G1"] = "SEQOHS" },
        Lots: new Dictionary<string, string> { ["lot-1"] = "Acute trusts" },
        Organisations: new Dictionary<string, string>());

    private static AuditRecord Entry(string entity, string key, string action, string? before, string? after, string? reason = null) =>
        new(1, new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), "u-0", "Olive Owner", Guid.Empty, entity, key, action, before, after, reason);

    [Test]
    public void StageChange_IsASentenceWithTheStagesInWords_AndTheReasonKeptApart()
    {
        var entry = AuditNarrative.Describe(Entry("Tender", "t", "StageChanged",
            """{"stage":"Moderation","noticesSentOn":null,"standstillEndsOn":null}""", """{"stage":"AwardRecommended","noticesSentOn":null,"standstillEndsOn":null}""", "Every spread agreed."), Names);

        Assert.That(entry.Sentence, Is.EqualTo("Olive Owner moved the tender from Moderation to Award recommended."));
        Assert.That(entry.Reason, Is.EqualTo("Every spread agreed."));
        Assert.That(entry.Before.Single(v => v.Label == "Stage").Value, Is.EqualTo("Moderation"));
    }

    [Test]
    public void ScoreAndConsensus_NameTheBidderTheQuestionAndTheEvaluator_NotTheirIds()
    {
        var score = AuditNarrative.Describe(Entry("EvaluatorScore", "e1/bid-a/Q1.1", "Changed",
            """{"evaluatorId":"e1","bidId":"bid-a","questionId":"Q1.1","score":2,"rationale":"Thin."}""",
            """{"evaluatorId":"e1","bidId":"bid-a","questionId":"Q1.1","score":3,"rationale":"Clear."}"""), Names);
        var consensus = AuditNarrative.Describe(Entry("ModeratedScore", "bid-a/Q1.1", "Created", null,
            """{"bidId":"bid-a","questionId":"Q1.1","score":2,"reason":"Agreed.","moderatorId":"m1"}"""), Names);

        Assert.That(score.Sentence, Is.EqualTo("Olive Owner changed their draft score for Alpha OH Ltd on Q1.1 (Prevention) from 2 to 3."));
        Assert.That(score.After.Single(v => v.Label == "Evaluator").Value, Is.EqualTo("Alex Morgan (e1)"));
        Assert.That(score.After.Single(v => v.Label == "Bid").Value, Is.EqualTo("Alpha OH Ltd (bid-a)"));
        Assert.That(consensus.Sentence, Is.EqualTo("Olive Owner recorded a consensus score of 2 for Alpha OH Ltd on Q1.1 (Prevention)."));
        Assert.That(consensus.After.Single(v => v.Label == "Moderator").Value, Is.EqualTo("Robin Hale (m1)"));
    }

    [Test]
    public void RoleGivenAndConflictDecided_NameThePeople()
    {
        var role = AuditNarrative.Describe(Entry("TenderMembership", "u-1/Evaluator", "Created", null, """{"userId":"u-1","role":"Evaluator","evaluatorId":"e1","scope":[]}"""), Names);
        var conflict = AuditNarrative.Describe(Entry("ConflictDeclaration", "e1", "Decided", """{"hasConflict":true}""", """{"hasConflict":true,"mayContinue":false}""", "Close family tie."), Names);

        Assert.That(role.Sentence, Is.EqualTo("Olive Owner gave Sam Okonkwo the evaluator role as Alex Morgan (e1)."));
        Assert.That(role.After.Single(v => v.Label == "Person").Value, Is.EqualTo("Sam Okonkwo"));
        Assert.That(conflict.Sentence, Is.EqualTo("Olive Owner stood Alex Morgan down from scoring because of the conflict of interest they declared."));
    }

    [Test]
    public void GateAndAward_NameTheGateTheLotAndTheWinner()
    {
        var gate = AuditNarrative.Describe(Entry("GateDecision", "bid-a/G1", "Created", null, """{"bidId":"bid-a","gateId":"G1","passed":false,"reason":"No certificate.","decidedBy":"m1"}"""), Names);
        var award = AuditNarrative.Describe(Entry("AwardDecision", "lot-1", "Created", null, """{"lotId":"lot-1","bidId":"bid-a","approvedBy":"The ICB board","approvedOn":"2027-03-01","note":null}"""), Names);

        Assert.That(gate.Sentence, Is.EqualTo("Olive Owner recorded that Alpha OH Ltd fails gate G1 (SEQOHS)."));
        Assert.That(award.Sentence, Is.EqualTo("Olive Owner recorded the award of lot lot-1 (Acute trusts) to Alpha OH Ltd, approved by The ICB board on 1 March 2027."));
    }

    [Test]
    public void UnknownKind_StillSaysWhoAndWhat()
    {
        var entry = AuditNarrative.Describe(Entry("Something", "x", "Happened", null, "not json"), Names);

        Assert.That(entry.Sentence, Is.EqualTo("Olive Owner: Something Happened (x)."));
        Assert.That(entry.After.Single().Value, Is.EqualTo("not json"));
    }
}
