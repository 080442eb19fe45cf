using ClosedXML.Excel;
using Commissioning.Documents.Excel.Matrix;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>The matrix file itself: a valid package, protected, styled, and with user text kept as text.</summary>
public sealed class MatrixPackageTests
{
    [Test]
    public void Write_ExampleTender_PassesTheOpenXmlValidator()
    {
        var (_, _, path) = MatrixFiles.Export(MatrixFiles.Example(), "example-validated");

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(document.WorkbookPart!.WorksheetParts.Count(), Is.EqualTo(15));
        });
    }

    [Test]
    public void Write_InjectionCorpus_PassesTheOpenXmlValidator()
    {
        var (_, _, path) = MatrixFiles.Export(InjectionCorpus.Poison(MatrixFiles.Example()), "injection-validated");

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document).Select(e => e.Description).ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Write_ExampleTender_SheetsProtectedFormulasLockedScoresOpenWithValidation()
    {
        var (_, model, path) = MatrixFiles.Export(MatrixFiles.Example(), "example-protection");

        using var workbook = new XLWorkbook(path);
        var problems = new List<string>();
        var formulas = 0;
        var inputs = 0;
        foreach (var sheet in model.Sheets)
        {
            var worksheet = workbook.Worksheet(sheet.Name);
            if (!worksheet.Protection.IsProtected)
            {
                problems.Add($"{sheet.Name} is not protected.");
            }

            foreach (var cell in sheet.Cells.Where(c => c.Kind == CellKind.Formula))
            {
                formulas++;
                if (!worksheet.Cell(cell.Row, cell.Column).Style.Protection.Locked)
                {
                    problems.Add($"{sheet.Name}!{SheetModel.A1(cell.Row, cell.Column)} holds a formula but is not locked.");
                }
            }

            foreach (var input in sheet.Inputs)
            {
                for (var row = input.FirstRow; row <= input.LastRow; row++)
                {
                    inputs++;
                    var cell = worksheet.Cell(row, input.Column);
                    var validation = cell.DataValidation;
                    if (cell.Style.Protection.Locked || validation.AllowedValues != XLAllowedValues.WholeNumber
                        || validation.MinValue != "0" || validation.MaxValue != input.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        problems.Add($"{sheet.Name}!{SheetModel.A1(row, input.Column)} should be open for a whole score from 0 to {input.Maximum}.");
                    }
                }
            }
        }

        var (scoreRows, consensusRows) = (model.Sheets.Where(s => s.Name.Contains("Evaluator", StringComparison.Ordinal)).Sum(s => s.Inputs.Sum(i => i.LastRow - i.FirstRow + 1)),
            model.Sheets.Where(s => s.Name.EndsWith("Moderation", StringComparison.Ordinal)).Sum(s => s.Inputs.Sum(i => i.LastRow - i.FirstRow + 1)));
        var pack = MatrixFiles.Example();
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(formulas, Is.GreaterThan(500));
            Assert.That(inputs, Is.EqualTo(scoreRows + consensusRows));
            Assert.That(scoreRows, Is.GreaterThanOrEqualTo(pack.Scores.Count));
            Assert.That(consensusRows, Is.EqualTo(pack.Bids.Sum(b => pack.Tender.FindLot(b.LotId)!.Questions.Count())));
        });
    }

    [Test]
    public void Write_ExampleTender_HeadersBlueFrozenPanesAndExplicitWidths()
    {
        var (_, model, path) = MatrixFiles.Export(MatrixFiles.Example(), "example-style");

        using var workbook = new XLWorkbook(path);
        var problems = new List<string>();
        var headers = 0;
        foreach (var sheet in model.Sheets)
        {
            var worksheet = workbook.Worksheet(sheet.Name);
            foreach (var cell in sheet.Cells.Where(c => c.Style == CellStyle.Header))
            {
                headers++;
                var style = worksheet.Cell(cell.Row, cell.Column).Style;
                if (style.Fill.BackgroundColor.Color.ToArgb() != System.Drawing.Color.FromArgb(0x00, 0x5E, 0xB8).ToArgb() || !style.Font.Bold || style.Font.FontColor.Color.ToArgb() != System.Drawing.Color.White.ToArgb())
                {
                    problems.Add($"{sheet.Name}!{SheetModel.A1(cell.Row, cell.Column)} is not a blue header with white bold text.");
                }
            }

            foreach (var (column, width) in sheet.ColumnWidths)
            {
                if (Math.Abs(worksheet.Column(column).Width - width) > 0.01)
                {
                    problems.Add($"{sheet.Name} column {column} is {worksheet.Column(column).Width} wide, not {width}.");
                }
            }

            if (sheet.ColumnWidths.Count == 0)
            {
                problems.Add($"{sheet.Name} has no column widths.");
            }

            if (sheet.FreezeRows > 0 && worksheet.SheetView.SplitRow != sheet.FreezeRows)
            {
                problems.Add($"{sheet.Name} does not keep its first {sheet.FreezeRows} rows in view.");
            }
        }

        var quality = workbook.Worksheet(model.Lots[0].QualitySheet);
        var percent = model.Lots[0].Bids.Values.First().QualityPercent;
        var price = workbook.Worksheet(model.Lots[0].PriceSheet);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(headers, Is.GreaterThan(50));
            Assert.That(quality.Cell(percent.Row, percent.Column).Style.NumberFormat.Format, Is.EqualTo("0.00\"%\""));
            Assert.That(price.Cell(19, 9).Style.NumberFormat.Format, Is.EqualTo("\"£\"#,##0.00"));
        });
    }

    [Test]
    public void Write_InjectionCorpus_NoStringBecomesAFormula()
    {
        var (_, model, path) = MatrixFiles.Export(InjectionCorpus.Poison(MatrixFiles.Example()), "injection");

        using var workbook = new XLWorkbook(path);
        var corpus = InjectionCorpus.Strings;
        var problems = new List<string>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sheet in model.Sheets)
        {
            var worksheet = workbook.Worksheet(sheet.Name);
            foreach (var cell in sheet.Cells.Where(c => c.Kind == CellKind.Text))
            {
                var source = corpus.FirstOrDefault(s => cell.Text!.StartsWith(s, StringComparison.Ordinal));
                if (source is null)
                {
                    continue;
                }

                found.Add(source);
                places.Add(sheet.Name.Contains("Evaluator", StringComparison.Ordinal) ? "evaluator" : sheet.Name);
                var written = worksheet.Cell(cell.Row, cell.Column);
                if (written.HasFormula || written.DataType != XLDataType.Text || InjectionCorpus.Normalise(written.GetString()) != InjectionCorpus.Normalise(cell.Text!))
                {
                    problems.Add($"{sheet.Name}!{SheetModel.A1(cell.Row, cell.Column)}: '{cell.Text}' was written as '{written.FormulaA1}{written.GetString()}'.");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(found, Is.EquivalentTo(corpus));
            Assert.That(places, Is.SupersetOf(new[] { "Summary", "L1 Quality", "L1 Price", "L1 Moderation", "evaluator", "Provenance" }));
        });
    }

    [Test]
    public void Build_Provenance_NamesTheClockTheVersionAndEachStandardsFile()
    {
        var (_, model, _) = MatrixFiles.Export(MatrixFiles.Example(), "example-provenance");
        var provenance = MatrixFiles.Provenance();

        var texts = model.Sheets.Single(s => s.Name == "Provenance").Cells.Where(c => c.Kind == CellKind.Text).Select(c => c.Text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(texts, Does.Contain("2025-03-14 09:30:00 UTC"));
            Assert.That(texts, Does.Contain("test"));
            Assert.That(texts, Does.Contain(provenance.StandardsHash));
            Assert.That(provenance.Standards, Has.Count.EqualTo(Directory.GetFiles(Support.Repository.StandardsFolder, "*.md").Length));
            Assert.That(provenance.Standards.Select(s => s.Sha256), Is.All.Matches("^[0-9a-f]{64}$"));
            Assert.That(provenance.Standards.Count(s => s.RuleSet is not null), Is.EqualTo(Support.Repository.Standards.RuleSets.Count));
            Assert.That(texts, Is.SupersetOf(provenance.Standards.Select(s => s.Sha256)));
        });
    }
}
