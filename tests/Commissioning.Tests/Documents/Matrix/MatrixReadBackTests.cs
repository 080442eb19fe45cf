using ClosedXML.Excel;

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
}
