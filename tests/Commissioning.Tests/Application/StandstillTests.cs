using System.Globalization;
using Commissioning.Application;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Application;

/// <summary>
/// Standstill periods by regime (Core), counted over the real calendars (Application). Every
/// expected date here was worked out by hand from the rule and the gov.uk bank holiday lists in
/// <see cref="BankHolidayTests"/>; none is copied from a published worked example (see
/// docs/standstill.md for the examples looked for and not found).
/// </summary>
public sealed class StandstillTests
{
    private static DateOnly D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static StandstillPeriod Act(string published) =>
        Standstill.For(ProcurementRegime.ProcurementAct2023, D(published), BankHolidays.ForWorkingDays(ProcurementRegime.ProcurementAct2023));

    private static StandstillPeriod Psr(string published) =>
        Standstill.For(ProcurementRegime.ProviderSelectionRegime2023, D(published), BankHolidays.ForWorkingDays(ProcurementRegime.ProviderSelectionRegime2023));

    [Test]
    public void ProcurementAct_NoticeOnChristmasEve2024_LastDayIs8January2025_BecauseOf2JanuaryInScotland()
    {
        // Procurement Act 2023 s.51 (8 working days beginning with the day of publication) and
        // s.123 (bank holidays in any part of the UK): Tuesday 24 December counts; 25 and 26
        // December, 1 January and 2 January (Scotland) do not. Counting England and Wales's
        // holidays only would end it a day early, on 7 January.
        var period = Act("2024-12-24");

        Assert.That(period.WorkingDaysCounted, Is.EqualTo(new[] { "2024-12-24", "2024-12-27", "2024-12-30", "2024-12-31", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08" }.Select(D)));
        Assert.That(period.Begins, Is.EqualTo(D("2024-12-24")));
        Assert.That(period.FirstDayCounted, Is.EqualTo(D("2024-12-24")));
        Assert.That(period.LastDay, Is.EqualTo(D("2025-01-08")));
        Assert.That(period.ContractMayBeEnteredFrom, Is.EqualTo(D("2025-01-09")));
        Assert.That(period.RepresentationsDeadline, Is.Null);
        Assert.That(Standstill.For(ProcurementRegime.ProcurementAct2023, D("2024-12-24"), BankHolidays.EnglandAndWales).LastDay, Is.EqualTo(D("2025-01-07")));
    }

    [TestCase("2026-03-02", "2026-03-02", "2026-03-11")] // Monday, no holidays: the Wednesday of the following week.
    [TestCase("2026-04-02", "2026-04-02", "2026-04-15")] // Thursday before Easter: Good Friday and Easter Monday skipped.
    [TestCase("2026-03-16", "2026-03-16", "2026-03-26")] // St Patrick's Day (Northern Ireland) skipped.
    [TestCase("2026-03-07", "2026-03-09", "2026-03-19")] // Published on a Saturday: counting starts on Monday; St Patrick's Day skipped.
    [TestCase("2026-06-12", "2026-06-12", "2026-06-24")] // Scotland's one-off holiday, Monday 15 June 2026, skipped.
    [TestCase("2026-07-10", "2026-07-10", "2026-07-22")] // Battle of the Boyne substitute, Monday 13 July (Northern Ireland), skipped.
    [TestCase("2026-07-31", "2026-07-31", "2026-08-12")] // First Monday in August (Scotland) skipped.
    [TestCase("2026-11-27", "2026-11-27", "2026-12-09")] // St Andrew's Day, Monday 30 November (Scotland), skipped.
    [TestCase("2026-12-21", "2026-12-21", "2027-01-05")] // Christmas 2026: 25, 28 December, 1 January and Scotland's 4 January 2027 skipped.
    [TestCase("2022-09-16", "2022-09-16", "2022-09-28")] // The State Funeral, Monday 19 September 2022, skipped.
    [TestCase("2023-05-05", "2023-05-05", "2023-05-17")] // The Coronation, Monday 8 May 2023, skipped.
    public void ProcurementAct_CountsFromThePublicationDay_OverEveryPartOfTheUk(string published, string firstCounted, string lastDay)
    {
        var period = Act(published);

        Assert.That(period.NoticePublished, Is.EqualTo(D(published)));
        Assert.That(period.Begins, Is.EqualTo(D(published)));
        Assert.That(period.FirstDayCounted, Is.EqualTo(D(firstCounted)));
        Assert.That(period.LastDay, Is.EqualTo(D(lastDay)));
        Assert.That(period.ContractMayBeEnteredFrom, Is.EqualTo(D(lastDay).AddDays(1)));
        Assert.That(period.WorkingDaysCounted, Has.Count.EqualTo(Standstill.WorkingDays));
        Assert.That(period.WorkingDaysCounted, Is.Ordered.And.Unique);
        Assert.That(period.WorkingDaysCounted.Select(d => Standstill.IsWorkingDay(d, BankHolidays.AnyPartOfUk)), Is.All.True);
    }

    [Test]
    public void ProcurementAct_Rule_CitesSections51And123()
    {
        Assert.That(Act("2026-03-02").Rule, Does.Contain("8 working days beginning with the day the contract award notice was published (Procurement Act 2023 s.51)").And.Contain("(s.123)"));
    }

    [TestCase("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-13")] // Monday: begins Tuesday, which is not counted; 8 working days from Wednesday.
    [TestCase("2026-03-06", "2026-03-07", "2026-03-09", "2026-03-18")] // Friday: begins Saturday; counting from Monday.
    [TestCase("2026-04-02", "2026-04-03", "2026-04-07", "2026-04-16")] // Easter: begins on Good Friday; Easter Monday skipped.
    [TestCase("2024-12-24", "2024-12-25", "2024-12-27", "2025-01-08")] // Christmas: 26 December and 1 January skipped; 2 January counts in England.
    [TestCase("2026-07-29", "2026-07-30", "2026-07-31", "2026-08-11")] // Scotland's first Monday in August counts: the Regulations apply in England.
    [TestCase("2026-03-13", "2026-03-14", "2026-03-16", "2026-03-25")] // St Patrick's Day counts.
    public void ProviderSelectionRegime_BeginsTheDayAfter_AndCounts8WorkingDaysAfterThat(string published, string begins, string firstCounted, string deadline)
    {
        // SI 2023/1348 reg. 12(2): the period begins the day after publication; reg. 12(3):
        // representations until midnight at the end of the 8th working day after that day.
        var period = Psr(published);

        Assert.That(period.Begins, Is.EqualTo(D(begins)));
        Assert.That(period.FirstDayCounted, Is.EqualTo(D(firstCounted)));
        Assert.That(period.RepresentationsDeadline, Is.EqualTo(D(deadline)));
        Assert.That(period.LastDay, Is.EqualTo(D(deadline)));
        Assert.That(period.ContractMayBeEnteredFrom, Is.EqualTo(D(deadline).AddDays(1)));
        Assert.That(period.WorkingDaysCounted, Has.Count.EqualTo(Standstill.WorkingDays));
        Assert.That(period.WorkingDaysCounted[0], Is.GreaterThan(period.Begins));
    }

    [Test]
    public void ProviderSelectionRegime_Rule_CitesRegulation12()
    {
        Assert.That(Psr("2026-03-02").Rule, Does.Contain("begins on the day after the notice of intention to award was published").And.Contain("reg. 12(2) and (3)"));
    }

    [Test]
    public void ProviderSelectionRegime_AfterAFurtherDecision_Waits5WorkingDays()
    {
        // NHS England, The Provider Selection Regime: statutory guidance, "Reviewing decisions
        // during the standstill period": 5 working days after the further decision. Decision told
        // on Wednesday 18 March 2026: 19, 20, 23, 24 and 25 March.
        var period = Psr("2026-03-02");
        var holidays = BankHolidays.ForWorkingDays(ProcurementRegime.ProviderSelectionRegime2023);

        var after = period.AfterFurtherDecision(D("2026-03-18"), holidays);

        Assert.That(after.WorkingDaysCounted, Is.EqualTo(new[] { "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24", "2026-03-25" }.Select(D)));
        Assert.That(after.LastDay, Is.EqualTo(D("2026-03-25")));
        Assert.That(after.ContractMayBeEnteredFrom, Is.EqualTo(D("2026-03-26")));
        Assert.That(after.Rule, Does.Contain("5 working days").And.Contain("reg. 12(4)"));
    }

    [Test]
    public void ProviderSelectionRegime_AQuickFurtherDecision_DoesNotEndTheRepresentationsPeriodEarly()
    {
        // Decision told on Wednesday 4 March: its 5th working day (11 March) comes before the
        // representations deadline (13 March), which still stands.
        var period = Psr("2026-03-02");

        var after = period.AfterFurtherDecision(D("2026-03-04"), BankHolidays.EnglandAndWales);

        Assert.That(after.WorkingDaysCounted[^1], Is.EqualTo(D("2026-03-11")));
        Assert.That(after.LastDay, Is.EqualTo(D("2026-03-13")));
    }

    [Test]
    public void AfterFurtherDecision_UnderTheAct_OrBeforeTheStandstillBegins_IsRefused()
    {
        Assert.That(() => Act("2026-03-02").AfterFurtherDecision(D("2026-03-18"), BankHolidays.AnyPartOfUk), Throws.InvalidOperationException);
        Assert.That(() => Psr("2026-03-02").AfterFurtherDecision(D("2026-03-02"), BankHolidays.EnglandAndWales), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase("2025-01-09", false, "2025-02-07")] // 30 days beginning with 9 January: 9 January to 7 February.
    [TestCase("2025-01-09", true, "2025-05-08")]  // Light touch contract: 120 days, 9 January to 8 May.
    [TestCase("2026-02-01", false, "2026-03-02")] // Over a short February.
    public void ContractDetailsNotice_IsDueOnTheLastDayOfThePeriodBeginningWithTheContractDay(string entered, bool lightTouch, string due)
    {
        // Procurement Act 2023 s.53: a period of days beginning with the day the contract is entered into.
        Assert.That(Standstill.ContractDetailsNoticeDue(D(entered), lightTouch), Is.EqualTo(D(due)));
    }

    [Test]
    public void For_AnUnknownRegime_IsRefused()
    {
        Assert.That(() => Standstill.For((ProcurementRegime)99, D("2026-03-02"), _ => false), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
