using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>The matrix read back with ClosedXML: its formulas, calculated by ClosedXML, give the engine's figures.</summary>
public sealed class MatrixReadBackTests
{
    [Test]
    public void Write_ExampleTender_FormulasGiveTheEngineFigures()
    {
        var (result, model, path) = MatrixFiles.Export(MatrixFiles.Example(), "example");

        using var workbook = new XLWorkbook(path);
        var failures = new List<string>();
        var compared = MatrixCheck.Compare(result, model, p => MatrixFiles.Read(workbook, p), failures, "example");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(compared, Is.EqualTo(MatrixCheck.Expected(result)));
        });
    }

    [Test]
    public void Write_GeneratedTenders_FormulasGiveTheEngineFigures()
    {
        var failures = new List<string>();
        var cases = 0;
        var compared = 0;
        var expected = 0;
        foreach (var shape in GeneratedPacks.Shapes())
        {
            var (result, model, path) = MatrixFiles.Export(GeneratedPacks.Create(shape), "generated-" + shape.Name);
            using var workbook = new XLWorkbook(path);
            compared += MatrixCheck.Compare(result, model, p => MatrixFiles.Read(workbook, p), failures, shape.Name);
            expected += MatrixCheck.Expected(result);
            cases++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(cases, Is.EqualTo(GeneratedPacks.Shapes().Count));
            Assert.That(compared, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Shapes_GeneratedTenders_CoverEveryCaseTheFormulasHandle()
    {
        var results = GeneratedPacks.Shapes().Select(s => (Shape: s, Lot: TenderEvaluator.Evaluate(GeneratedPacks.Create(s)).Lots[0])).ToList();
        var bids = results.SelectMany(r => r.Lot.Bids).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Lot.Lot.Price.Method).Distinct(), Is.EquivalentTo(Enum.GetValues<PriceMethod>()));
            Assert.That(results.Select(r => r.Lot.Lot.QualityMethod).Distinct(), Is.EquivalentTo(Enum.GetValues<QualityMethod>()));
            Assert.That(results.Select(r => r.Lot.Lot.TieBreak.Rule).Distinct(), Is.EquivalentTo(Enum.GetValues<TieBreakRule>()));
            Assert.That(results.Any(r => r.Lot.Lot.Weights == WeightUnit.Points && r.Lot.Lot.SectionWeights == WeightUnit.Points), "points weights");
            Assert.That(bids.Any(b => b.Disqualified), "a failed gate");
            Assert.That(bids.Any(b => b.Sections.Any(s => s.Questions.Any(q => q.BelowMinimum))), "a question threshold");
            Assert.That(bids.Any(b => b.Sections.Any(s => s.BelowMinimum)), "a section threshold");
            Assert.That(bids.Any(b => !b.Disqualified && !b.ExcludedForLowPrice && b.Sections.All(s => !s.BelowMinimum && s.Questions.All(q => !q.BelowMinimum)) && !b.Eligible), "the lot's minimum quality");
            Assert.That(bids.Any(b => b.ExcludedForLowPrice), "an abnormally low price");
            Assert.That(results.Any(r => r.Lot.Bids.Count(b => b.Rank == 1) > 1), "a tie for first");
            Assert.That(results.Any(r => r.Lot.Bids.GroupBy(b => b.Rank).Any(g => g.Key > 1 && g.Count() > 1)), "a tie below first");
            Assert.That(results.Any(r => r.Lot.Bids.All(b => !b.Eligible)), "no eligible bid");
            Assert.That(results.Any(r => r.Lot.Leader is not null && r.Lot.Complete), "a complete result");
            Assert.That(bids.Any(b => b.Sections.Any(s => s.Questions.Any(q => q.Source == ScoreSource.Missing))), "a missing score");
            Assert.That(bids.Any(b => b.Sections.Any(s => s.Questions.Any(q => q.Source == ScoreSource.PartialMean))), "a partial mean");
            Assert.That(results.Any(r => r.Lot.Lot.Price.Method == PriceMethod.Linear && r.Lot.Bids.Any(b => b.Eligible && b.Price.EvaluatedPrice >= r.Lot.Lot.Price.Ceiling)), "a price at or above the linear ceiling");
        });
    }

    [Test]
    public void Write_ExampleTender_EveryCalculatedFigureIsAFormula()
    {
        var (result, model, path) = MatrixFiles.Export(MatrixFiles.Example(), "example-formulas");

        using var workbook = new XLWorkbook(path);
        var places = model.Lots.SelectMany(l => l.Bids.Values).SelectMany(b => new[] { b.Eligible, b.QualityPercent, b.QualityPoints, b.PricePoints, b.Total, b.Rank }
            .Concat(b.SectionPercent.Values).Concat(b.FinalScore.Values)).Concat(model.Lots.Select(l => l.Leader)).ToList();
        var notFormulas = places.Where(p => !workbook.Worksheet(p.Sheet).Cell(p.Row, p.Column).HasFormula).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(notFormulas, Is.Empty);
            Assert.That(places, Has.Count.EqualTo(result.Lots.Sum(l => 1 + l.Bids.Sum(b => 6 + b.Sections.Sum(s => 1 + s.Questions.Count)))));
        });
    }

    [Test]
    public void Write_ConsensusChanged_TotalsAndRanksFollow()
    {
        // A changed consensus score flows through the formulas: the engine, given the same change, agrees.
        var pack = MatrixFiles.Example();
        var lot = pack.Tender.Lots[0];
        var (result, model, path) = MatrixFiles.Export(pack, "example-changed");
        var last = result.Lots[0].Bids.Where(b => b.Eligible).Last().Bid;
        var changedPack = pack with
        {
            Moderation = [.. pack.Moderation, .. lot.Questions.Select(q => new ModeratedScore { BidId = last.Id, QuestionId = q.Id, Score = pack.Tender.Scale.Maximum, Reason = "Changed in a test.", ModeratorId = pack.Tender.Evaluators[0].Id })],
        };
        var changed = TenderEvaluator.Evaluate(changedPack);

        using (var workbook = new XLWorkbook(path))
        {
            var moderation = workbook.Worksheet(model.Lots[0].ModerationSheet);
            var consensusColumn = moderation.Row(3).CellsUsed().Single(c => c.GetString() == "Consensus").Address.ColumnNumber;
            var rows = moderation.RowsUsed().Where(r => r.RowNumber() > 3 && r.Cell(2).GetString() == last.Id).ToList();
            foreach (var row in rows)
            {
                row.Cell(consensusColumn).Value = pack.Tender.Scale.Maximum;
            }

            workbook.Save();
        }

        using var reopened = new XLWorkbook(path);
        var failures = new List<string>();
        var compared = MatrixCheck.Compare(changed, model, p => MatrixFiles.Read(reopened, p), failures, "changed");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(compared, Is.EqualTo(MatrixCheck.Expected(changed)));
            Assert.That(changed.Lots[0].Bids.First(b => b.Bid.Id == last.Id).Total, Is.Not.EqualTo(result.Lots[0].Bids.First(b => b.Bid.Id == last.Id).Total));
        });
    }
}
