using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Documents.Evaluation;

/// <summary>The model files of the document golden tests, and hostile packs.</summary>
internal static class DocumentCases
{
    /// <summary>The date every golden document is prepared on.</summary>
    public static readonly DateOnly Prepared = new(2027, 1, 15);

    public static string Folder => Path.Combine(Repository.Root, "tests", "Commissioning.Tests", "Documents", "Evaluation", "Golden");

    public static TenderPack Example() => Read(Path.Combine(Repository.Root, "examples", "ics-tender.json"));

    public static TenderPack Read(string path)
    {
        var read = TenderFile.Read(File.ReadAllText(path));
        Assert.That(read.Problems, Is.Empty, path);
        return read.Value;
    }

    public static (TenderResult Result, IReadOnlyList<LotRobustness> Robustness) Evaluate(TenderPack pack) =>
        TenderEvaluator.EvaluateWithRobustness(pack, new RobustnessOptions { Samples = 200 });

    /// <summary>
    /// A small tender under the Procurement Act, still provisional: a price that may be abnormally
    /// low with no decision, a bid that fails a gate, evaluators who differ with and without a
    /// consensus, weights in points and an answer for every question.
    /// </summary>
    public static TenderPack Provisional(string provider = "Provider A")
    {
        var gate = new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited, or working towards it with a date." };
        var lot = Lot([Section("s1", 60m, Q("Q1", 50m), Q("Q2", 50m)), Section("sv", 20m, Q("SV")) with { SocialValue = true }], quality: 140m, price: 60m, gates: [gate])
            with { Weights = WeightUnit.Points, SectionWeights = WeightUnit.Points };
        var accredited = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2021, 3, 1) };
        Bid Answered(Bid bid) => bid with { Answers = [.. new[] { "Q1", "Q2", "SV" }.Select(q => new Answer { QuestionId = q, Text = $"{bid.Provider} answers {q}: a named lead runs the service." })] };
        return new TenderPack
        {
            Tender = Tender(lot) with { Reference = "ACT-2027-001" },
            Bids =
            [
                Answered(Bid("a", 1_000_000m) with { Provider = provider, Declarations = accredited }),
                Answered(Bid("b", 900_000m) with { Declarations = accredited }),
                Answered(Bid("c", 950_000m)),
                Answered(Bid("slip", 500_000m) with { Declarations = accredited }),
            ],
            Scores =
            [
                .. Scores("a", "Q1", 4, 3, 2), .. Agreed("a", "Q2", 3), .. Agreed("a", "SV", 3),
                .. Scores("b", "Q1", 1, 3, 3), .. Agreed("b", "Q2", 2), .. Agreed("b", "SV", 2),
                .. Agreed("c", "Q1", 3), .. Agreed("c", "Q2", 3), .. Agreed("c", "SV", 3),
                .. Agreed("slip", "Q1", 2), .. Agreed("slip", "Q2", 2), .. Agreed("slip", "SV", 2),
            ],
            Moderation = [Moderated("a", "Q1", 3)],
        };
    }

    /// <summary>The model files: the example tender and the provisional one, written beside the tests when missing.</summary>
    public static IReadOnlyList<(string Name, TenderPack Pack, string[] Bids)> Models()
    {
        var provisional = Path.Combine(Folder, "provisional-tender.json");
        if (!File.Exists(provisional) && Environment.GetEnvironmentVariable("COMMISSIONING_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(provisional, TenderFile.Write(Provisional()));
        }

        return
        [
            ("example", Example(), ["bid-a", "bid-b"]),
            ("provisional", Read(provisional), ["a", "c"]),
        ];
    }
}
