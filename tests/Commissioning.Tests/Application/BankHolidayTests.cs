using System.Globalization;
using Commissioning.Application;
using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Application;

/// <summary>
/// The bank holiday calendars standstill periods count over, against the dates gov.uk publishes.
/// </summary>
public sealed class BankHolidayTests
{
    /// <summary>
    /// England and Wales bank holidays as published on gov.uk (www.gov.uk/bank-holidays), written
    /// out by hand: substitute days where the day falls at a weekend (28 December 2026, 27 and 28
    /// December 2027, 3 January 2028).
    /// </summary>
    private static readonly Dictionary<int, string[]> GovUkEnglandAndWales = new()
    {
        [2024] = ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
        [2025] = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
        [2028] = ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
    };

    /// <summary>
    /// Scotland's bank holidays as published on gov.uk (www.gov.uk/bank-holidays, "Scotland"),
    /// written out by hand: no Easter Monday or late-August holiday; 2 January (substitute Monday
    /// 4 January 2027), the first Monday in August, and St Andrew's Day (substitutes Monday 2
    /// December 2024 and Monday 1 December 2025); and the one-off holiday of Monday 15 June 2026,
    /// for Scotland's World Cup match, by Royal Proclamation under the Banking and Financial
    /// Dealings Act 1971 (Scottish Government announcement "World Cup bank holiday confirmed",
    /// 5 February 2026). This list was written from gov.uk's published pages, not fetched by the test.
    /// </summary>
    private static readonly Dictionary<int, string[]> GovUkScotland = new()
    {
        [2024] = ["2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27", "2024-08-05", "2024-12-02", "2024-12-25", "2024-12-26"],
        [2025] = ["2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04", "2025-12-01", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-06-15", "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31", "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28"],
    };

    /// <summary>
    /// Northern Ireland's bank holidays as published on gov.uk (www.gov.uk/bank-holidays,
    /// "Northern Ireland"), written out by hand: England and Wales's, plus St Patrick's Day
    /// (substitute Monday 18 March 2024) and the Battle of the Boyne (substitutes Monday 14 July
    /// 2025 and Monday 13 July 2026).
    /// </summary>
    private static readonly Dictionary<int, string[]> GovUkNorthernIreland = new()
    {
        [2024] = ["2024-01-01", "2024-03-18", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-07-12", "2024-08-26", "2024-12-25", "2024-12-26"],
        [2025] = ["2025-01-01", "2025-03-17", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-07-14", "2025-08-25", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-07-13", "2026-08-31", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-03-17", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-07-12", "2027-08-30", "2027-12-27", "2027-12-28"],
    };

    private static List<DateOnly> Dates(IEnumerable<string> dates) => [.. dates.Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture))];

    private static IEnumerable<DateOnly> EveryDayOf(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));

    [Test]
    public void EnglandAndWales_2024To2028_MatchGovUkExactly()
    {
        foreach (var (year, dates) in GovUkEnglandAndWales)
        {
            Assert.That(BankHolidays.EnglandAndWalesIn(year), Is.EqualTo(Dates(dates)), $"{year}");
            Assert.That(EveryDayOf(year).Where(BankHolidays.EnglandAndWales), Is.EqualTo(Dates(dates)), $"{year}, day by day");
        }
    }

    [Test]
    public void Scotland_2024To2027_MatchGovUkExactly()
    {
        foreach (var (year, dates) in GovUkScotland)
        {
            Assert.That(EveryDayOf(year).Where(BankHolidays.Scotland), Is.EqualTo(Dates(dates)), $"{year}");
        }
    }

    [Test]
    public void NorthernIreland_2024To2027_MatchGovUkExactly()
    {
        foreach (var (year, dates) in GovUkNorthernIreland)
        {
            Assert.That(EveryDayOf(year).Where(BankHolidays.NorthernIreland), Is.EqualTo(Dates(dates)), $"{year}");
        }
    }

    [Test]
    public void AnyPartOfUk_2024To2027_IsTheUnionOfTheThreeLists()
    {
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            var union = Dates(GovUkEnglandAndWales[year].Concat(GovUkScotland[year]).Concat(GovUkNorthernIreland[year])).Distinct().Order();

            Assert.That(EveryDayOf(year).Where(BankHolidays.AnyPartOfUk), Is.EqualTo(union), $"{year}");
        }
    }

    [TestCase("2022-09-19")] // The State Funeral of Queen Elizabeth II, every part of the UK.
    [TestCase("2023-05-08")] // The Coronation of King Charles III, every part of the UK.
    [TestCase("2022-06-03")] // The Platinum Jubilee, every part of the UK.
    public void OneOffHolidays_AreHolidaysEverywhere(string day)
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);

        Assert.That(new[] { BankHolidays.EnglandAndWales(date), BankHolidays.Scotland(date), BankHolidays.NorthernIreland(date), BankHolidays.AnyPartOfUk(date) }, Is.All.True);
    }

    [Test]
    public void ScotlandOnlyDays_AreNotEnglandAndWalesHolidays_ButAreUkHolidays()
    {
        // 2 January, the first Monday of August and St Andrew's Day are Scottish bank holidays only.
        foreach (var date in new DateOnly[] { new(2026, 1, 2), new(2026, 8, 3), new(2026, 11, 30) })
        {
            Assert.That(BankHolidays.EnglandAndWales(date), Is.False, $"{date}");
            Assert.That(BankHolidays.AnyPartOfUk(date), Is.True, $"{date}");
        }
    }

    [Test]
    public void ForWorkingDays_TheActCountsTheWholeUk_ThePsrCountsEngland()
    {
        var stAndrewsDay = new DateOnly(2026, 11, 30);
        var stPatricksDay = new DateOnly(2026, 3, 17);
        var goodFriday = new DateOnly(2026, 4, 3);
        var christmasDay = new DateOnly(2026, 12, 25);

        var act = BankHolidays.ForWorkingDays(ProcurementRegime.ProcurementAct2023);
        var psr = BankHolidays.ForWorkingDays(ProcurementRegime.ProviderSelectionRegime2023);

        Assert.That(new[] { act(stAndrewsDay), act(stPatricksDay), act(goodFriday), act(christmasDay) }, Is.All.True);
        Assert.That(new[] { psr(stAndrewsDay), psr(stPatricksDay) }, Is.All.False);
        Assert.That(new[] { psr(goodFriday), psr(christmasDay) }, Is.All.True);
    }
}
