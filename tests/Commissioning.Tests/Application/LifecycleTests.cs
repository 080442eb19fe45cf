using Commissioning.Core.Lifecycle;

namespace Commissioning.Tests.Application;

/// <summary>The lifecycle state machine (pure, in Core). Standstill periods and bank holidays are in StandstillTests and BankHolidayTests.</summary>
public sealed class LifecycleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

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
