using Commissioning.Application;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Documents.Charts;

/// <summary>Evaluated lots for the chart tests: the example tender, read and evaluated as the command line does, and small packs for the edge cases.</summary>
internal static class ChartCases
{
    public const string Hostile = "<script>alert(1)</script> & \"Co\"";

    private static readonly Lazy<(TenderResult Result, IReadOnlyList<LotRobustness> Robustness)> ExampleResult = new(() =>
    {
        var read = TenderFiles.ReadPack(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json")), Repository.Standards);
        Assert.That(read.Succeeded, Is.True, () => string.Join("; ", read.Errors.Select(e => e.Message)));
        return TenderFiles.Evaluate(read.Value);
    });

    /// <summary>Each lot of <c>examples/ics-tender.json</c> with its robustness.</summary>
    public static IReadOnlyList<(LotResult Lot, LotRobustness Robustness)> Example() =>
        [.. ExampleResult.Value.Result.Lots.Select(l => (l, ExampleResult.Value.Robustness.Single(r => r.Lot.Id == l.Lot.Id)))];

    public static (LotResult Lot, LotRobustness Robustness) ExampleLot(string id) => Example().Single(l => l.Lot.Lot.Id == id);

    /// <summary>
    /// Three sections, four bids: B wins on quality, A is strongest in s1 (so moving s1's weight
    /// up changes the winner), C is cheapest, and X falls below the lot's minimum quality.
    /// </summary>
    public static TenderPack Close(string providerB = "Provider B", string sectionTitle = "Section s2")
    {
        var lot = Lot(
            [Section("s1", 50m, Q("Q1")), Section("s2", 30m, Q("Q2")) with { Title = sectionTitle }, Section("s3", 20m, Q("Q3"))],
            minimumQuality: 40m);
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 100_000m), Bid("b", 110_000m) with { Provider = providerB }, Bid("c", 90_000m), Bid("x", 95_000m)],
            Scores =
            [
                .. Agreed("a", "Q1", 4), .. Agreed("a", "Q2", 1), .. Agreed("a", "Q3", 2),
                .. Agreed("b", "Q1", 3), .. Agreed("b", "Q2", 4), .. Agreed("b", "Q3", 3),
                .. Agreed("c", "Q1", 2), .. Agreed("c", "Q2", 2), .. Agreed("c", "Q3", 4),
                .. Agreed("x", "Q1", 1), .. Agreed("x", "Q2", 1), .. Agreed("x", "Q3", 1),
            ],
        };
    }

    /// <summary>A lot with one section and the given bids, each with its one score and price.</summary>
    public static TenderPack OneSection(decimal? minimumQuality = null, params (string Id, decimal Score, decimal Price)[] bids)
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))], minimumQuality: minimumQuality);
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = [.. bids.Select(b => Bid(b.Id, b.Price))],
            Scores = [.. bids.SelectMany(b => Agreed(b.Id, "Q1", b.Score))],
        };
    }

    /// <summary>Two bids alike in every score and price: tied for first, so there is no single winner.</summary>
    public static TenderPack Tied()
    {
        var lot = Lot([Section("s1", 60m, Q("Q1")), Section("s2", 40m, Q("Q2"))]);
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 100_000m), Bid("b", 100_000m)],
            Scores = [.. Agreed("a", "Q1", 3), .. Agreed("a", "Q2", 2), .. Agreed("b", "Q1", 3), .. Agreed("b", "Q2", 2)],
        };
    }

    /// <summary>The one lot of a pack, evaluated with fewer random trials (quicker).</summary>
    public static (LotResult Lot, LotRobustness Robustness) Evaluate(TenderPack pack)
    {
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack, new RobustnessOptions { Samples = 200 });
        return (result.Lots.Single(), robustness.Single());
    }
}
