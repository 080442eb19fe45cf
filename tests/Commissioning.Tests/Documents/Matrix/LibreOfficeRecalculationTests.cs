using Commissioning.Core.Evaluation;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>
/// The matrices recalculated by LibreOffice Calc, a second spreadsheet engine, with
/// recalculation on load forced: every total, rank and intermediate figure matches the engine
/// to 0.005, and no corpus string became a formula. All workbooks go through one LibreOffice
/// start, which is the slow part.
/// </summary>
public sealed class LibreOfficeRecalculationTests
{
    private readonly Dictionary<string, (TenderResult Result, WorkbookModel Model)> _books = new(StringComparer.Ordinal);
    private string _csvFolder = string.Empty;

    [OneTimeSetUp]
    public void ConvertEveryWorkbook()
    {
        var paths = new List<string>();
        void Add(string name, Core.Tenders.TenderPack pack)
        {
            var (result, model, path) = MatrixFiles.Export(pack, "lo-" + name);
            _books["lo-" + name] = (result, model);
            paths.Add(path);
        }

        Add("example", MatrixFiles.Example());
        foreach (var shape in GeneratedPacks.Shapes())
        {
            Add(shape.Name, GeneratedPacks.Create(shape));
        }

        Add("injection", InjectionCorpus.Poison(MatrixFiles.Example()));
        _csvFolder = Path.Combine(MatrixFiles.Folder, "csv");
        if (Directory.Exists(_csvFolder))
        {
            Directory.Delete(_csvFolder, recursive: true);
        }

        Directory.CreateDirectory(_csvFolder);
        LibreOffice.ConvertToCsv(paths, _csvFolder);
    }

    [Test]
    public void Recalculate_ExampleTender_MatchesTheEngine()
    {
        var failures = new List<string>();
        var compared = Compare("lo-example", failures);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(compared, Is.EqualTo(MatrixCheck.Expected(_books["lo-example"].Result)));
        });
    }

    [Test]
    public void Recalculate_GeneratedTenders_MatchTheEngine()
    {
        var failures = new List<string>();
        var cases = 0;
        var compared = 0;
        var expected = 0;
        foreach (var shape in GeneratedPacks.Shapes())
        {
            var name = "lo-" + shape.Name;
            compared += Compare(name, failures);
            expected += MatrixCheck.Expected(_books[name].Result);
            cases++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(cases, Is.EqualTo(GeneratedPacks.Shapes().Count).And.GreaterThanOrEqualTo(14));
            Assert.That(compared, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Recalculate_InjectionCorpus_EveryStringStaysText()
    {
        var (_, model) = _books["lo-injection"];
        var failures = new List<string>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var checkedCells = 0;
        var corpus = InjectionCorpus.Strings.ToHashSet(StringComparer.Ordinal);
        foreach (var sheet in model.Sheets)
        {
            var rows = LibreOffice.ReadCsv(CsvPath("lo-injection", sheet.Name));
            foreach (var cell in sheet.Cells.Where(c => c.Kind == CellKind.Text && corpus.Any(s => c.Text!.StartsWith(s, StringComparison.Ordinal))))
            {
                checkedCells++;
                found.Add(corpus.First(s => cell.Text!.StartsWith(s, StringComparison.Ordinal)));
                var shown = InjectionCorpus.Normalise(LibreOffice.Cell(rows, cell.Row, cell.Column));
                if (shown != InjectionCorpus.Normalise(cell.Text!))
                {
                    failures.Add($"{sheet.Name}!{SheetModel.A1(cell.Row, cell.Column)}: '{cell.Text}' shows as '{shown}'.");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(found, Is.EquivalentTo(corpus), "every corpus string was placed and checked");
            Assert.That(checkedCells, Is.GreaterThan(100));
        });
    }

    private int Compare(string name, List<string> failures)
    {
        var (result, model) = _books[name];
        var sheets = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        return MatrixCheck.Compare(result, model, place =>
        {
            if (!sheets.TryGetValue(place.Sheet, out var rows))
            {
                rows = sheets[place.Sheet] = LibreOffice.ReadCsv(CsvPath(name, place.Sheet));
            }

            return LibreOffice.Cell(rows, place.Row, place.Column);
        }, failures, name);
    }

    private string CsvPath(string book, string sheet) => Path.Combine(_csvFolder, $"{book}-{sheet}.csv");
}
