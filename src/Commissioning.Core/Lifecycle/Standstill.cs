using Commissioning.Core.Tenders;

namespace Commissioning.Core.Lifecycle;

/// <summary>
/// A standstill period worked out for one regime and one publication date: every day it rests on
/// is kept, with the rule applied and where it comes from (see docs/standstill.md).
/// </summary>
public sealed record StandstillPeriod
{
    /// <summary>The regime whose rule was applied.</summary>
    public required ProcurementRegime Regime { get; init; }

    /// <summary>
    /// The day the notice was published: the contract award notice (Procurement Act 2023) or the
    /// notice of intention to award (Provider Selection Regime).
    /// </summary>
    public required DateOnly NoticePublished { get; init; }

    /// <summary>
    /// The day the standstill period begins: the publication day under the Act (s.51), the day
    /// after it under the Provider Selection Regime (reg. 12(2)).
    /// </summary>
    public required DateOnly Begins { get; init; }

    /// <summary>The first of the 8 working days counted.</summary>
    public DateOnly FirstDayCounted => WorkingDaysCounted[0];

    /// <summary>The last day of the standstill period (when no representations are made, for the Provider Selection Regime).</summary>
    public DateOnly LastDay => WorkingDaysCounted[^1];

    /// <summary>The first day the contract may be entered into: the day after the last day.</summary>
    public DateOnly ContractMayBeEnteredFrom => LastDay.AddDays(1);

    /// <summary>
    /// Provider Selection Regime only: representations must arrive before midnight at the end of
    /// this day (reg. 12(3)). Null under the Act.
    /// </summary>
    public DateOnly? RepresentationsDeadline => Regime == ProcurementRegime.ProviderSelectionRegime2023 ? LastDay : null;

    /// <summary>The 8 working days counted, in order: the trace behind <see cref="LastDay"/>.</summary>
    public required IReadOnlyList<DateOnly> WorkingDaysCounted { get; init; }

    /// <summary>The rule applied, in plain English, with its citation.</summary>
    public required string Rule { get; init; }

    /// <summary>
    /// Provider Selection Regime only: when representations were made, the standstill stays open
    /// until the relevant authority's further decision (reg. 12(4)); NHS England's statutory
    /// guidance then has it wait 5 working days before entering into the contract. The period
    /// never ends before the representations deadline, since other providers may still make
    /// representations until then.
    /// </summary>
    /// <param name="furtherDecisionNotified">The day the relevant authority told the providers of its further decision.</param>
    /// <param name="isNonWorkingHoliday">The same holiday calendar the period was counted with.</param>
    public StandstillAfterRepresentations AfterFurtherDecision(DateOnly furtherDecisionNotified, Func<DateOnly, bool> isNonWorkingHoliday)
    {
        ArgumentNullException.ThrowIfNull(isNonWorkingHoliday);
        if (Regime != ProcurementRegime.ProviderSelectionRegime2023)
        {
            throw new InvalidOperationException("Representations and a further decision belong to the Provider Selection Regime's standstill (reg. 12), not the Procurement Act's.");
        }

        if (furtherDecisionNotified < Begins)
        {
            throw new ArgumentOutOfRangeException(nameof(furtherDecisionNotified), furtherDecisionNotified, "The further decision cannot come before the standstill period begins.");
        }

        var counted = Standstill.CountWorkingDays(furtherDecisionNotified.AddDays(1), Standstill.WorkingDaysAfterFurtherDecision, isNonWorkingHoliday);
        var fifth = counted[^1];
        var last = fifth > LastDay ? fifth : LastDay;
        return new StandstillAfterRepresentations
        {
            FurtherDecisionNotified = furtherDecisionNotified,
            WorkingDaysCounted = counted,
            LastDay = last,
            Rule = Standstill.AfterFurtherDecisionRule,
        };
    }
}

/// <summary>
/// The end of a Provider Selection Regime standstill period kept open by representations: 5
/// working days after the further decision (NHS England's statutory guidance), and not before the
/// representations deadline.
/// </summary>
public sealed record StandstillAfterRepresentations
{
    /// <summary>The day the providers were told of the further decision.</summary>
    public required DateOnly FurtherDecisionNotified { get; init; }

    /// <summary>The 5 working days after the further decision, in order.</summary>
    public required IReadOnlyList<DateOnly> WorkingDaysCounted { get; init; }

    /// <summary>The last day of the standstill period: the 5th working day, or the representations deadline if later.</summary>
    public required DateOnly LastDay { get; init; }

    /// <summary>The first day the contract may be entered into: the day after the last day.</summary>
    public DateOnly ContractMayBeEnteredFrom => LastDay.AddDays(1);

    /// <summary>The rule applied, in plain English, with its citation.</summary>
    public required string Rule { get; init; }
}

/// <summary>
/// Standstill periods by regime (pure: the caller supplies the holiday calendar). Under the
/// Procurement Act 2023 the period is 8 working days beginning with the day the contract award
/// notice is published (s.51), working days being as s.123 defines them. Under the Provider
/// Selection Regime it begins the day after the notice of intention to award is published and
/// representations may be made until midnight at the end of the 8th working day after that day
/// (reg. 12(2) and (3)). Saturdays and Sundays are never working days; which bank holidays count
/// is the caller's calendar (<c>BankHolidays.ForWorkingDays</c> in the application layer).
/// </summary>
public static class Standstill
{
    /// <summary>Working days in the standstill period, under either regime.</summary>
    public const int WorkingDays = 8;

    /// <summary>Working days to wait after a further decision on representations (Provider Selection Regime; NHS England's statutory guidance).</summary>
    public const int WorkingDaysAfterFurtherDecision = 5;

    /// <summary>Days, beginning with the day the contract is entered into, to publish the contract details notice (Procurement Act 2023 s.53).</summary>
    public const int ContractDetailsNoticeDays = 30;

    /// <summary>The same period for a light touch contract (Procurement Act 2023 s.53).</summary>
    public const int LightTouchContractDetailsNoticeDays = 120;

    /// <summary>The Procurement Act 2023 rule, as applied.</summary>
    public const string ProcurementActRule =
        "8 working days beginning with the day the contract award notice was published (Procurement Act 2023 s.51); " +
        "a working day is any day but a Saturday, a Sunday or a bank holiday in any part of the United Kingdom (s.123). " +
        "The contract may be entered into from the day after the last day.";

    /// <summary>The Provider Selection Regime rule, as applied.</summary>
    public const string ProviderSelectionRegimeRule =
        "The standstill period begins on the day after the notice of intention to award was published, and written representations " +
        "may be made until midnight at the end of the 8th working day after that day (Health Care Services (Provider Selection Regime) " +
        "Regulations 2023, reg. 12(2) and (3)); a working day is any day but a Saturday, a Sunday or a bank holiday in England, " +
        "where the Regulations apply (reg. 1(2)). With no representations, the contract may be entered into from the next day.";

    /// <summary>The rule for a Provider Selection Regime standstill kept open by representations.</summary>
    public const string AfterFurtherDecisionRule =
        "Representations keep the standstill period open until the relevant authority's further decision (reg. 12(4)); " +
        "it then waits 5 working days before entering into the contract (NHS England, The Provider Selection Regime: statutory guidance, " +
        "\"Reviewing decisions during the standstill period\"), and the period does not end before the representations deadline.";

    /// <summary>The contract details notice rule, as applied.</summary>
    public const string ContractDetailsNoticeRule =
        "The contract details notice is due within 30 days beginning with the day the contract is entered into, or 120 days for a " +
        "light touch contract (Procurement Act 2023 s.53).";

    /// <summary>The standstill period for a notice published on <paramref name="published"/> under <paramref name="regime"/>.</summary>
    /// <param name="regime">The tender's regime.</param>
    /// <param name="published">The day the contract award notice, or the notice of intention to award, was published.</param>
    /// <param name="isNonWorkingHoliday">
    /// True for a holiday that is not a working day under the regime's definition: a bank holiday in
    /// any part of the United Kingdom for the Act; a bank holiday in England for the Provider
    /// Selection Regime. Saturdays and Sundays are excluded here whatever it says.
    /// </param>
    public static StandstillPeriod For(ProcurementRegime regime, DateOnly published, Func<DateOnly, bool> isNonWorkingHoliday)
    {
        ArgumentNullException.ThrowIfNull(isNonWorkingHoliday);
        return regime switch
        {
            // s.51: the publication day is the first day of the period, counted if it is a working day.
            ProcurementRegime.ProcurementAct2023 => new StandstillPeriod
            {
                Regime = regime,
                NoticePublished = published,
                Begins = published,
                WorkingDaysCounted = CountWorkingDays(published, WorkingDays, isNonWorkingHoliday),
                Rule = ProcurementActRule,
            },

            // reg. 12(2): the period begins the day after publication; 12(3): the 8 working days
            // are those after the day it begins, so that day itself is never counted.
            ProcurementRegime.ProviderSelectionRegime2023 => new StandstillPeriod
            {
                Regime = regime,
                NoticePublished = published,
                Begins = published.AddDays(1),
                WorkingDaysCounted = CountWorkingDays(published.AddDays(2), WorkingDays, isNonWorkingHoliday),
                Rule = ProviderSelectionRegimeRule,
            },

            _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "Unknown procurement regime."),
        };
    }

    /// <summary>
    /// The last day to publish the contract details notice (Procurement Act 2023 s.53): the 30th
    /// day beginning with the day the contract was entered into (the 120th for a light touch contract).
    /// </summary>
    /// <param name="contractEnteredInto">The day the contract was entered into.</param>
    /// <param name="lightTouchContract">True for a light touch contract.</param>
    public static DateOnly ContractDetailsNoticeDue(DateOnly contractEnteredInto, bool lightTouchContract = false) =>
        contractEnteredInto.AddDays((lightTouchContract ? LightTouchContractDetailsNoticeDays : ContractDetailsNoticeDays) - 1);

    /// <summary>True unless the day is a Saturday, a Sunday or a holiday in the given calendar.</summary>
    public static bool IsWorkingDay(DateOnly day, Func<DateOnly, bool> isNonWorkingHoliday)
    {
        ArgumentNullException.ThrowIfNull(isNonWorkingHoliday);
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isNonWorkingHoliday(day);
    }

    /// <summary>The first <paramref name="count"/> working days on or after <paramref name="from"/>.</summary>
    internal static IReadOnlyList<DateOnly> CountWorkingDays(DateOnly from, int count, Func<DateOnly, bool> isNonWorkingHoliday)
    {
        var days = new List<DateOnly>(count);
        for (var day = from; days.Count < count; day = day.AddDays(1))
        {
            if (IsWorkingDay(day, isNonWorkingHoliday))
            {
                days.Add(day);
            }
        }

        return days.AsReadOnly();
    }
}
