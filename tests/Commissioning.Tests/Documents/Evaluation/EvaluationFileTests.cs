using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Evaluation;

/// <summary>The <c>oh-evaluation</c> file that <c>evaluate --json</c> writes: versioned, read back, facts not sentences.</summary>
public sealed class EvaluationFileTests
{
    private static (TenderResult Result, IReadOnlyList<LotRobustness> Robustness) Example()
    {
        var pack = TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value;
        return TenderEvaluator.EvaluateWithRobustness(pack, new RobustnessOptions { Samples = 100 });
    }

    [Test]
    public void Write_ThenRead_ThenWrite_GivesTheSameText_AndEveryTotal()
    {
        var (result, robustness) = Example();
        var written = EvaluationFile.Write(result, robustness);

        var read = EvaluationFile.Read(written);

        Assert.That(read.Problems, Is.Empty);
        Assert.That(EvaluationFile.Write(read.Value), Is.EqualTo(written));
        var totals = read.Value.Lots.SelectMany(l => l.Bids).Select(b => (b.Id, b.Total, b.Rank)).ToList();
        Assert.That(totals, Has.Count.EqualTo(result.Lots.Sum(l => l.Bids.Count)).And.Count.GreaterThan(3));
        Assert.That(totals, Is.EqualTo(result.Lots.SelectMany(l => l.Bids).Select(b => (b.Bid.Id, b.Total, b.Rank))));
        Assert.That(read.Value.Lots.Select(l => l.MostAdvantageous), Is.EqualTo(new[] { "bid-a", "bid-e" }));
    }

    [Test]
    public void Write_HoldsFacts_NotTheSentencesOfVersion2()
    {
        var (result, robustness) = Example();

        var written = EvaluationFile.Write(result, robustness);

        Assert.That(written, Does.StartWith("{\n  \"format\": \"oh-evaluation\",\n  \"version\": 3,"));
        Assert.That(written, Does.Not.Contain("\"breakdown\"").And.Not.Contain("\"explanation\"").And.Not.Contain("\"note\""));
        Assert.That(written, Does.Contain("\"outcome\": \"changes\"").Or.Contain("\"outcome\": \"no-change\""));
    }

    [Test]
    public void Read_AFieldOnlyVersion2Had_IsRefused_NamingIt()
    {
        var (result, robustness) = Example();
        var written = EvaluationFile.Write(result, robustness).Replace("\"complete\": true,", "\"complete\": true,\n      \"breakdown\": [],", StringComparison.Ordinal);

        var read = EvaluationFile.Read(written);

        Assert.That(read.Succeeded, Is.False);
        Assert.That(read.Problems.Select(p => p.Message), Has.Some.Contains("$.lots[0].breakdown is not a known field"));
    }

    [Test]
    public void Read_ATenderFile_IsRefused_SayingWhichFormatIsExpected()
    {
        var read = EvaluationFile.Read(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json")));

        Assert.That(read.Succeeded, Is.False);
        Assert.That(read.Problems[0].Message, Does.Contain("oh-evaluation"));
    }
}
