using PublicHoliday;

namespace Commissioning.Application;

/// <summary>Bank holidays for counting working days, from the maintained <c>PublicHoliday</c> package.</summary>
public static class BankHolidays
{
    private static readonly UKBankHoliday Calendar = new();

    /// <summary>
    /// True for a bank holiday in England and Wales. <c>UKBankHoliday</c> gives the England and
    /// Wales list (a test checks it against the dates gov.uk publishes for 2025 to 2028), not
    /// Scotland's or Northern Ireland's.
    /// </summary>
    public static bool EnglandAndWales(DateOnly day) => Calendar.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The England and Wales bank holidays of a year, in date order.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWalesIn(int year) =>
        [.. Calendar.PublicHolidays(year).Select(DateOnly.FromDateTime).Order()];
}
