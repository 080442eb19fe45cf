using Commissioning.Core.Tenders;
using PublicHoliday;

namespace Commissioning.Application;

/// <summary>
/// Bank holidays for counting working days, from the maintained <c>PublicHoliday</c> package,
/// which keeps one calendar for each part of the United Kingdom (<c>UKBankHoliday.UkCountries</c>).
/// Tests check each against the dates gov.uk publishes for 2024 to 2028.
/// </summary>
public static class BankHolidays
{
    private static readonly UKBankHoliday Calendar = new();
    private static readonly UKBankHoliday ScotlandCalendar = new(UKBankHoliday.UkCountries.Scotland);
    private static readonly UKBankHoliday NorthernIrelandCalendar = new(UKBankHoliday.UkCountries.NorthernIreland);

    /// <summary>
    /// True for a bank holiday in England and Wales (one list on gov.uk; Christmas Day and Good
    /// Friday are in it), including one-off days such as 19 September 2022 and 8 May 2023.
    /// </summary>
    public static bool EnglandAndWales(DateOnly day) => Calendar.IsPublicHoliday(At(day));

    /// <summary>The England and Wales bank holidays of a year, in date order.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWalesIn(int year) =>
        [.. Calendar.PublicHolidays(year).Select(DateOnly.FromDateTime).Order()];

    /// <summary>
    /// True for a bank holiday in Scotland: 2 January, the first Monday in August and St Andrew's
    /// Day (30 November) with their substitute days, besides those shared with the rest of the
    /// United Kingdom, and one-off days such as 15 June 2026.
    /// </summary>
    public static bool Scotland(DateOnly day) => ScotlandCalendar.IsPublicHoliday(At(day));

    /// <summary>
    /// True for a bank holiday in Northern Ireland: St Patrick's Day (17 March) and the Battle of
    /// the Boyne (12 July) with their substitute days, besides those shared with England and Wales.
    /// </summary>
    public static bool NorthernIreland(DateOnly day) => NorthernIrelandCalendar.IsPublicHoliday(At(day));

    /// <summary>
    /// True for a bank holiday in any part of the United Kingdom: England and Wales, Scotland or
    /// Northern Ireland. Days that are not working days under the Procurement Act 2023 (s.123).
    /// </summary>
    public static bool AnyPartOfUk(DateOnly day) => EnglandAndWales(day) || Scotland(day) || NorthernIreland(day);

    /// <summary>
    /// The holidays that are not working days for a regime's standstill period: any part of the
    /// United Kingdom for the Procurement Act 2023 (s.123); England for the Provider Selection
    /// Regime, whose Regulations apply in relation to England only (reg. 1(2)), England's list
    /// being England and Wales's (see docs/standstill.md for what was checked).
    /// </summary>
    public static Func<DateOnly, bool> ForWorkingDays(ProcurementRegime regime) => regime switch
    {
        ProcurementRegime.ProcurementAct2023 => AnyPartOfUk,
        ProcurementRegime.ProviderSelectionRegime2023 => EnglandAndWales,
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "Unknown procurement regime."),
    };

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
