using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Files;

/// <summary>The example files in examples/: they load, and saving them again changes nothing.</summary>
public sealed class ExampleFileTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(Repository.Root, "examples", name));

    [Test]
    public void TenderExample_Loads()
    {
        var result = TenderFile.Read(Example("ics-tender.json"));

        Assert.That(result.Problems, Is.Empty);
        var tender = result.Value.Tender;
        Assert.Multiple(() =>
        {
            Assert.That(tender.Members.Select(m => m.Id), Is.EqualTo(new[]
            {
                "riverside-acute", "vale-community", "riverside-vale-mental-health", "vale-gp-federation", "st-cuthberts-hospice",
            }));
            Assert.That(tender.Lots.Select(l => l.Id), Is.EqualTo(new[] { "lot-1", "lot-2" }));
            Assert.That(result.Value.Bids.GroupBy(b => b.LotId).Select(g => g.Count()), Is.EqualTo(new[] { 4, 2 }));
        });
    }

    [TestCase("ics-tender.json")]
    [TestCase("riverside-members.json")]
    [TestCase("provider-declarations.json")]
    public void Example_IsWrittenExactlyAsTheToolkitWritesIt(string name)
    {
        var text = Example(name);

        var rewritten = name switch
        {
            "ics-tender.json" => TenderFile.Write(TenderFile.Read(text).Value),
            "riverside-members.json" => ProfilesFile.Write(ProfilesFile.Read(text).Value),
            _ => Rewrite(DeclarationsFile.Read(text).Value),
        };

        Assert.That(rewritten, Is.EqualTo(text));

        static string Rewrite((string Provider, Declarations Declarations) file) => DeclarationsFile.Write(file.Provider, file.Declarations);
    }

    [Test]
    public void TenderExample_IsFullyScoredAndModerated_AndTheCheapestTrustBidDoesNotWin()
    {
        var pack = TenderFile.Read(Example("ics-tender.json")).Value;

        var result = TenderEvaluator.Evaluate(pack);

        var trusts = result.Lots[0];
        var eligible = trusts.Bids.Where(b => b.Rank is not null).ToList();
        var cheapest = eligible.MinBy(b => b.Price.EvaluatedPrice)!;
        var northfield = trusts.Bids.Single(b => b.Bid.Id == "bid-c");
        Assert.Multiple(() =>
        {
            Assert.That(result.Lots.SelectMany(l => l.Outstanding), Is.Empty);
            Assert.That(result.Lots.SelectMany(l => l.Warnings), Is.Empty);
            Assert.That(trusts.Bids.Single(b => b.MostAdvantageous).Bid.Provider, Is.EqualTo("Northgate Occupational Health Ltd"));
            Assert.That(cheapest.MostAdvantageous, Is.False);
            Assert.That(northfield.Disqualified, Is.True);
            Assert.That(northfield.Gates.Single(g => g.Status == GateStatus.Failed).Gate.Id, Is.EqualTo("G2"));
            Assert.That(result.Lots[1].Bids.Single(b => b.MostAdvantageous).Bid.Provider, Is.EqualTo("Primacy Occupational Health CIC"));
        });
    }

    [Test]
    public void TenderExample_HasScoresFromEveryEvaluatorWithSomeDisagreement()
    {
        var pack = TenderFile.Read(Example("ics-tender.json")).Value;

        var spreads = pack.Scores
            .GroupBy(s => (s.BidId, s.QuestionId))
            .Select(g => (Count: g.Count(), Spread: g.Max(s => s.Score) - g.Min(s => s.Score)))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(spreads.Select(s => s.Count), Has.All.EqualTo(3));
            Assert.That(spreads.Count(s => s.Spread >= 2), Is.GreaterThanOrEqualTo(3));
            Assert.That(spreads.Count(s => s.Spread == 1), Is.GreaterThanOrEqualTo(5));
            Assert.That(pack.Moderation, Has.Count.EqualTo(spreads.Count(s => s.Spread > 0)));
        });
    }

    [Test]
    public void ProfilesExample_HoldsTheFiveMembers()
    {
        var organisations = ProfilesFile.Read(Example("riverside-members.json")).Value;
        var members = TenderFile.Read(Example("ics-tender.json")).Value.Tender.Members;

        Assert.That(ProfilesFile.Write(organisations), Is.EqualTo(ProfilesFile.Write([.. members.Select(m => m.Profile)])));
    }

    [Test]
    public void ShortExampleInTheFormatDocs_LoadsAndEvaluates()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "tender-format.md"));
        var start = docs.LastIndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];

        var result = TenderFile.Read(json);

        Assert.That(result.Problems, Is.Empty);
        var lot = TenderEvaluator.Evaluate(result.Value).Lots.Single();
        Assert.Multiple(() =>
        {
            Assert.That(lot.Outstanding, Is.Empty);
            Assert.That(lot.MostAdvantageous?.Bid.Id, Is.EqualTo("bid-a"));
        });
    }
}
