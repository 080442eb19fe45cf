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

    /// <summary>Money for display, such as "£1,234,567.89" or "-£5.00".</summary>
    public static string Money(decimal value)
    {
        var rounded = ForDisplay(value);
        var pounds = "£" + Math.Abs(rounded).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return rounded < 0 ? "-" + pounds : pounds;
    }
}
