using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;

namespace Commissioning.Tests.Application;

/// <summary>The lifecycle state machine (pure, in Core) and the bank holidays that standstill counts over.</summary>
public sealed class LifecycleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>
    /// England and Wales bank holidays as published on gov.uk (www.gov.uk/bank-holidays), written
    /// out by hand: substitute days where the day falls at a weekend (28 December 2026, 27 and 28
    /// December 2027, 3 January 2028).
    /// </summary>
    private static readonly Dictionary<int, string[]> GovUkEnglandAndWales = new()
    {
        [2025] = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
        [2028] = ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
    };

    [Test]
    public void BankHolidays_2025To2028_MatchGovUkEnglandAndWalesExactly()
    {
        var checkedYears = 0;
        foreach (var (year, dates) in GovUkEnglandAndWales)
        {
            var expected = dates.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();

            Assert.That(BankHolidays.EnglandAndWalesIn(year), Is.EqualTo(expected), $"{year}");
            var everyDay = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));
            Assert.That(everyDay.Where(BankHolidays.EnglandAndWales), Is.EqualTo(expected), $"{year}, day by day");
            checkedYears++;
        }

        Assert.That(checkedYears, Is.EqualTo(4));
    }

    [Test]
    public void BankHolidays_ScotlandOnlyDays_AreNotHolidays()
    {
        // 2 January, the first Monday of August and St Andrew's Day are Scottish bank holidays only.
        Assert.That(BankHolidays.EnglandAndWales(new DateOnly(2026, 1, 2)), Is.False);
        Assert.That(BankHolidays.EnglandAndWales(new DateOnly(2026, 8, 3)), Is.False);
        Assert.That(BankHolidays.EnglandAndWales(new DateOnly(2026, 11, 30)), Is.False);
    }

    [TestCase("2026-03-02", "2026-03-12")] // Monday: Tuesday 3 to Thursday 12 March, no holidays.
    [TestCase("2026-04-02", "2026-04-16")] // Thursday before Easter: Good Friday and Easter Monday skipped.
    [TestCase("2026-12-21", "2027-01-05")] // Christmas: 25 and 28 December and 1 January skipped.
    [TestCase("2027-12-24", "2028-01-10")] // Substitute days 27 and 28 December and 3 January 2028 skipped.
    [TestCase("2025-05-23", "2025-06-05")] // Friday before the spring bank holiday.
    public void StandstillEndDate_OverWeekendsAndBankHolidays_IsTheEighthWorkingDayAfterNotices(string sent, string end)
    {
        var result = Standstill.EndDate(DateOnly.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), BankHolidays.EnglandAndWales);

        Assert.That(result, Is.EqualTo(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Check_EveryStageAndChange_AllowsOnlyWhatTheStageAllows()
    {
        // Rows: stage; columns in TenderChange order: Definition, People, Bid, EvaluatorScore, ModeratedScore, GateDecision, LowPriceDecision.
        var expected = new Dictionary<TenderStage, string>
        {
            [TenderStage.Draft] = "YY-----",
            [TenderStage.OpenForBids] = "-YY----",
            [TenderStage.Evaluation] = "-R-Y-RR",
            [TenderStage.Moderation] = "-R--RRR",
            [TenderStage.AwardRecommended] = "-R-----",
            [TenderStage.Standstill] = "-R-----",
            [TenderStage.Awarded] = "-------",
            [TenderStage.Closed] = "-------",
            [TenderStage.Cancelled] = "-------",
        };
        var cells = 0;
        foreach (var stage in Enum.GetValues<TenderStage>())
        {
            var row = string.Concat(Enum.GetValues<TenderChange>().Select(change =>
            {
                cells++;
                var decision = TenderLifecycle.Check(stage, change);
                Assert.That(decision.Allowed ? decision.Refusal : decision.Refusal, decision.Allowed ? Is.Null : Is.Not.Empty);
                return !decision.Allowed ? '-' : decision.ReasonRequired ? 'R' : 'Y';
            }));

            Assert.That(row, Is.EqualTo(expected[stage]), stage.ToString());
        }

        Assert.That(cells, Is.EqualTo(9 * 7));
    }

    [Test]
    public void Check_LockedStage_SaysNothingCanChange()
    {
        var decision = TenderLifecycle.Check(TenderStage.Awarded, TenderChange.EvaluatorScore);

        Assert.That(decision.Refusal, Is.EqualTo("The tender is awarded, so nothing about it can be changed."));
    }

    [Test]
    public void CheckMove_SkippingAStage_IsRefusedNamingTheStagesAllowed()
    {
        var decision = TenderLifecycle.CheckMove(TenderStage.Draft, TenderStage.Evaluation, null, Today, null);

        Assert.That(decision.Refusal, Is.EqualTo("The tender is a draft, so it cannot become in evaluation: it can move only to open for bids or cancelled."));
    }

    [TestCase(TenderStage.Moderation, TenderStage.Evaluation, "Enter why the tender is going back to in evaluation.")]
    [TestCase(TenderStage.Draft, TenderStage.Cancelled, "Enter why the tender is being cancelled.")]
    public void CheckMove_BackwardsOrCancelWithoutReason_AsksForOne(TenderStage from, TenderStage to, string message)
    {
        Assert.That(TenderLifecycle.CheckMove(from, to, " ", Today, null).Refusal, Is.EqualTo(message));
        Assert.That(TenderLifecycle.CheckMove(from, to, "A reason", Today, null), Is.EqualTo(LifecycleDecision.Allow(reasonRequired: true)));
    }

    [Test]
    public void CheckMove_AwardOnTheLastDayOfStandstill_IsRefused_TheDayAfterIsAllowed()
    {
        var end = new DateOnly(2026, 4, 16);

        Assert.That(TenderLifecycle.CheckMove(TenderStage.Standstill, TenderStage.Awarded, null, end, end).Allowed, Is.False);
        Assert.That(TenderLifecycle.CheckMove(TenderStage.Standstill, TenderStage.Awarded, null, end.AddDays(1), end).Allowed, Is.True);
    }

    [Test]
    public void NextStages_FromEveryStage_NeverLeaveALockedStageExceptAwardedToClosed()
    {
        var checkedStages = 0;
        foreach (var stage in TenderLifecycle.Locked)
        {
            Assert.That(TenderLifecycle.NextStages(stage), stage == TenderStage.Awarded ? Is.EqualTo(new[] { TenderStage.Closed }) : Is.Empty);
            checkedStages++;
        }

        Assert.That(checkedStages, Is.EqualTo(3));
    }
}
