using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Data.Entities;

namespace Commissioning.Tests.Application;

/// <summary>The audit trail's CSV export: a spreadsheet never runs a cell as a formula.</summary>
public sealed class AuditCsvTests
{
    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("+44 20", "'+44 20")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tcmd", "'\tcmd")]
    [TestCase("\rcmd", "\"'\rcmd\"")]
    [TestCase("plain, with comma", "\"plain, with comma\"")]
    [TestCase("Dr O'Neil", "Dr O'Neil")]
    public void CsvCell_DangerousOrSpecialText_IsNeutralisedAndQuoted(string value, string expected)
    {
        Assert.That(AuditTrail.CsvCell(value), Is.EqualTo(expected));
    }

    [Test]
    public void ToCsv_AnEntry_GivesTheHeaderAndOneLineWithEveryColumn()
    {
        var entry = new AuditEntryRow
        {
            Id = 7,
            At = new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero),
            UserId = "u1",
            UserName = "=cmd|' /C calc'!A0",
            TenderId = Guid.Parse("0192a000-0000-7000-8000-000000000001"),
            Entity = "EvaluatorScore",
            EntityKey = "e1/bid-a/Q1",
            Action = "Changed",
            Before = "{\"score\":3}",
            After = "{\"score\":4}",
            Reason = null,
        };

        var csv = AuditTrail.ToCsv([AuditTrail.ToRecord(entry)]);

        Assert.That(csv, Is.EqualTo(
            "Sequence,When (UTC),Who,User id,Tender,What,Which,Action,Before,After,Reason\r\n" +
            "7,2026-03-02 09:30:15.000,'=cmd|' /C calc'!A0,u1,0192a000-0000-7000-8000-000000000001,EvaluatorScore,e1/bid-a/Q1,Changed,\"{\"\"score\"\":3}\",\"{\"\"score\"\":4}\",\r\n"));
    }
}
