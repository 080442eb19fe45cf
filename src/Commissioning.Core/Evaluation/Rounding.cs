using System.Globalization;

namespace Commissioning.Core.Evaluation;

/// <summary>
/// The toolkit's one rounding rule. Every calculation, comparison and ranking uses unrounded
/// <see cref="decimal"/> values; only what is shown is rounded, to two decimal places, half away
/// from zero (2.345 shows as 2.35). Money shows as pounds and pence by the same rule.
/// </summary>
public static class Rounding
{
    /// <summary>Decimal places shown.</summary>
    public const int Places = 2;

    /// <summary>Rounds a value for display.</summary>
    public static decimal ForDisplay(decimal value) => Math.Round(value, Places, MidpointRounding.AwayFromZero);

    /// <summary>A number for display: rounded, without needless trailing zeros beyond two places.</summary>
    public static string Number(decimal value) =>
        ForDisplay(value).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage for display, such as "62.5%".</summary>
    public static string Percent(decimal value) => Number(value) + "%";

    /// <summary>
    /// A value that fell short of a limit, shown so that the shortfall is visible: rounded to two
    /// places as usual or, where that would show it equal to the limit (49.996 against 50), to as
    /// many places as it takes, up to eight. Used only in messages; the comparison is unrounded.
    /// </summary>
    public static string ShortOf(decimal value, decimal limit)
    {
        for (var places = Places; places <= 8; places++)
        {
            var shown = Math.Round(value, places, MidpointRounding.AwayFromZero);
            if (shown < limit)
            {
                return shown.ToString("0." + new string('#', places), CultureInfo.InvariantCulture);
            }
        }

        // Closer than eight places: cut off, rather than round up to the limit itself.
        return Math.Round(value, 8, MidpointRounding.ToZero).ToString("0.########", CultureInfo.InvariantCulture);
    }

    /// <summary>Money for display, such as "£1,234,567.89" or "-£5.00".</summary>
    public static string Money(decimal value)
    {
        var rounded = ForDisplay(value);
        var pounds = "£" + Math.Abs(rounded).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return rounded < 0 ? "-" + pounds : pounds;
    }
}
