using Commissioning.NhsUk.Forms;
using Commissioning.Web.Forms;

namespace Commissioning.Tests.Components;

/// <summary>
/// A date as typed into a date input: what is wrong, which parts to show in error, and the message,
/// as the GOV.UK Design System's date input guidance (which the NHS service manual defers to) says.
/// </summary>
[TestFixture]
public sealed class DateInputTests
{
    private const string TheDate = "the date the award notices were sent";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string? day, string? month, string? year, DateParts parts, string? message, string name) =>
            new TestCaseData(day, month, year, parts, message).SetName($"Check_{name}");

        yield return Case(null, null, null, DateParts.All, "Enter the date the award notices were sent", "NothingTyped_AllPartsAndEnter");
        yield return Case(" ", "", "\t", DateParts.All, "Enter the date the award notices were sent", "OnlySpaces_AllPartsAndEnter");
        yield return Case("", "3", "2027", DateParts.Day, "The date the award notices were sent must include a day", "NoDay_DayOnly");
        yield return Case("14", "", "2027", DateParts.Month, "The date the award notices were sent must include a month", "NoMonth_MonthOnly");
        yield return Case("14", "3", "", DateParts.Year, "The date the award notices were sent must include a year", "NoYear_YearOnly");
        yield return Case("", "", "2027", DateParts.Day | DateParts.Month, "The date the award notices were sent must include a day and month", "NoDayOrMonth_Both");
        yield return Case("14", "", "", DateParts.Month | DateParts.Year, "The date the award notices were sent must include a month and year", "NoMonthOrYear_Both");
        yield return Case("", "3", "", DateParts.Day | DateParts.Year, "The date the award notices were sent must include a day and year", "NoDayOrYear_Both");
        yield return Case("14", "3", "27", DateParts.Year, "Year must include 4 numbers", "TwoDigitYear_Year");
        yield return Case("32", "3", "2027", DateParts.Day, "The date the award notices were sent must be a real date", "Day32_Day");
        yield return Case("14", "13", "2027", DateParts.Month, "The date the award notices were sent must be a real date", "Month13_Month");
        yield return Case("14", "3", "20270", DateParts.Year, "The date the award notices were sent must be a real date", "FiveDigitYear_Year");
        yield return Case("x", "13", "2027", DateParts.All, "The date the award notices were sent must be a real date", "TwoPartsWrong_All");
        yield return Case("30", "2", "2027", DateParts.All, "The date the award notices were sent must be a real date", "ThirtiethFebruary_All");
        yield return Case("29", "2", "2027", DateParts.All, "The date the award notices were sent must be a real date", "TwentyNinthFebruaryNotLeap_All");
        yield return Case("29", "2", "2028", DateParts.None, null, "TwentyNinthFebruaryLeap_Real");
        yield return Case(" 07 ", "03", "2027", DateParts.None, null, "LeadingZerosAndSpaces_Real");
        yield return Case("14", "March", "2027", DateParts.None, null, "MonthName_Real");
        yield return Case("14", "mar", "2027", DateParts.None, null, "MonthAbbreviation_Real");
        yield return Case("14", "Sept", "2027", DateParts.None, null, "September_Real");
        yield return Case("14", "Marc", "2027", DateParts.Month, "The date the award notices were sent must be a real date", "MonthMisspelt_Month");
        yield return Case("-1", "3", "2027", DateParts.Day, "The date the award notices were sent must be a real date", "NegativeDay_Day");
    }

    [TestCaseSource(nameof(Cases))]
    public void Check(string? day, string? month, string? year, DateParts parts, string? message)
    {
        var date = new DateInputModel { Day = day, Month = month, Year = year };
        var problem = date.Check();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Parts, Is.EqualTo(parts));
            Assert.That(DateRules.Message(date, TheDate, required: true), Is.EqualTo(message));
            Assert.That(date.ToDate() is not null, Is.EqualTo(message is null));
        });
    }

    [Test]
    public void Message_NothingTypedAndNotRequired_IsNoError() =>
        Assert.That(DateRules.Message(new DateInputModel(), TheDate, required: false), Is.Null);

    [Test]
    public void ToDate_ARealDate_IsThatDate() =>
        Assert.That(new DateInputModel { Day = "7", Month = "Jan", Year = "2027" }.ToDate(), Is.EqualTo(new DateOnly(2027, 1, 7)));

    [Test]
    public void Of_ADate_ShowsItsParts()
    {
        var shown = DateInputModel.Of(new DateOnly(2027, 3, 14));
        Assert.That((shown.Day, shown.Month, shown.Year), Is.EqualTo(("14", "3", "2027")));
    }
}
