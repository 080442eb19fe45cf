using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Documents.Excel;
using Commissioning.Documents.Excel.Matrix;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>The streaming writer's own rules: the quote prefix, text XML cannot carry, and streams it cannot seek.</summary>
public sealed class MatrixWriterTests
{
    [Test]
    public void Write_FormulaLikeText_EveryCellHasTheQuotePrefix()
    {
        var (_, model, path) = MatrixFiles.Export(InjectionCorpus.Poison(MatrixFiles.Example()), "injection-quote-prefix");

        using var workbook = new XLWorkbook(path);
        var problems = new List<string>();
        var prefixed = 0;
        var plain = 0;
        foreach (var sheet in model.Sheets)
        {
            var worksheet = workbook.Worksheet(sheet.Name);
            foreach (var cell in sheet.Cells.Where(c => c.Kind == CellKind.Text))
            {
                var expected = CellText.NeedsQuotePrefix(cell.Text);
                var actual = worksheet.Cell(cell.Row, cell.Column).Style.IncludeQuotePrefix;
                _ = expected ? prefixed++ : plain++;
                if (actual != expected)
                {
                    problems.Add($"{sheet.Name}!{SheetModel.A1(cell.Row, cell.Column)} '{cell.Text}': quote prefix {actual}, expected {expected}.");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(prefixed, Is.GreaterThan(50));
            Assert.That(plain, Is.GreaterThan(50));
        });
    }

    [Test]
    public void Write_ControlCharactersXmlCannotHold_FileValidAndTextKeptAsText()
    {
        var example = MatrixFiles.Example();
        var pack = example with { Bids = [.. example.Bids.Select((b, i) => i == 0 ? b with { Provider = "\u0001Bad\u0008 provider\r\nname" } : b)] };
        var (_, model, path) = MatrixFiles.Export(pack, "control-characters");

        var places = model.Sheets.SelectMany(s => s.Cells.Where(c => c.Kind == CellKind.Text && c.Text!.StartsWith('\u0001')).Select(c => (s.Name, c.Row, c.Column))).ToList();
        using (var document = SpreadsheetDocument.Open(path, isEditable: false))
        {
            Assert.That(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document).Select(e => e.Description), Is.Empty);
        }

        using var workbook = new XLWorkbook(path);
        var read = places.Select(p => workbook.Worksheet(p.Name).Cell(p.Row, p.Column)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(places, Has.Count.GreaterThan(10));
            Assert.That(read.Select(c => c.GetString()), Is.All.EqualTo("\uFFFDBad\uFFFD provider\nname"));
            Assert.That(read.Select(c => c.DataType), Is.All.EqualTo(XLDataType.Text));
            Assert.That(read.Select(c => c.Style.IncludeQuotePrefix), Is.All.True);
        });
    }

    [Test]
    public void Write_StreamThatCannotSeekOrRead_WritesTheSameWorkbook()
    {
        var pack = MatrixFiles.Example();
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        var model = MatrixBuilder.Build(pack, result, robustness, MatrixFiles.Provenance());
        var path = Path.Combine(MatrixFiles.Folder, "forward-only.xlsx");
        using (var file = File.Create(path))
        using (var forwardOnly = new ForwardOnlyStream(file))
        {
            MatrixWriter.Write(model, forwardOnly);
        }

        using var workbook = new XLWorkbook(path);
        var leader = model.Lots[0].Leader;
        Assert.Multiple(() =>
        {
            Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(model.Sheets.Select(s => s.Name)));
            Assert.That(workbook.Worksheet(leader.Sheet).Cell(leader.Row, leader.Column).HasFormula, Is.True);
        });
    }

    /// <summary>A stream that can only be written forwards, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _position += count;
        }
    }
}
