using ClosedXML.Excel;
using Commissioning.Documents.Excel;

namespace Commissioning.Tests.Documents;

/// <summary>Text that looks like a formula is written as text, reads back unchanged and has no formula.</summary>
public sealed class CellTextTests
{
    private static readonly string[] Dangerous =
    [
        "=1+1", "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+1", "-1+1", "@SUM(1,1)",
        "=cmd|' /C calc'!A0", "=DDE(\"cmd\";\"/C calc\";\"!A0\")", "@cmd|'/c notepad'!_xlbgnm.A1",
        "\t=1+1", "\r=1+1", "=-2+3+cmd|' /C calc'!A0", "＝1+1",
    ];

    [TestCaseSource(nameof(Dangerous))]
    public void SetText_FormulaLikeText_IsStoredAsTextWithAQuotePrefix(string text)
    {
        using var stream = new MemoryStream();
        using (var book = new XLWorkbook())
        {
            book.AddWorksheet("S").Cell("A1").SetText(text);
            book.SaveAs(stream);
        }

        stream.Position = 0;
        using var reopened = new XLWorkbook(stream);
        var cell = reopened.Worksheet("S").Cell("A1");
        Assert.That(cell.HasFormula, Is.False);
        // XML keeps line breaks as line feeds: a carriage return reads back as one.
        Assert.That(cell.GetString(), Is.EqualTo(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')));
        Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text));
        Assert.That(cell.Style.IncludeQuotePrefix, Is.True);
    }

    [Test]
    public void SetText_OrdinaryText_HasNoQuotePrefix()
    {
        using var book = new XLWorkbook();
        var cell = book.AddWorksheet("S").Cell("A1").SetText("Northgate Occupational Health Ltd");

        Assert.That(cell.Style.IncludeQuotePrefix, Is.False);
        Assert.That(cell.GetString(), Is.EqualTo("Northgate Occupational Health Ltd"));
    }
}
