using System.Globalization;

namespace Commissioning.NhsUk.Forms;

/// <summary>The parts of a date input.</summary>
[Flags]
public enum DateParts
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>The day.</summary>
    Day = 1,

    /// <summary>The month.</summary>
    Month = 2,

    /// <summary>The year.</summary>
    Year = 4,

    /// <summary>The whole date.</summary>
    All = Day | Month | Year,
}

/// <summary>What is wrong with a date as typed, in the order the design system says to report problems.</summary>
public enum DateProblemKind
{
    /// <summary>Nothing: the date is real.</summary>
    None,

    /// <summary>Nothing was typed.</summary>
    Empty,

    /// <summary>Some parts were left empty.</summary>
    Incomplete,

    /// <summary>The year has fewer than 4 digits.</summary>
    YearNotFourDigits,

    /// <summary>A part, or the whole, cannot be a real date (day 32, month 13, 30 February).</summary>
    NotReal,
}

/// <summary>A problem with a date as typed, and the parts to show in error.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Parts">The parts at fault: those left empty, or those that cannot be right; all when it is the whole date.</param>
public sealed record DateProblem(DateProblemKind Kind, DateParts Parts);

/// <summary>
/// A date as typed into the three fields of a date input (day, month, year), kept as typed so a
/// page with errors shows it back unchanged. Reading follows the GOV.UK Design System's date input
/// guidance, which the NHS service manual's date input page defers to: leading zeros and spaces
/// are accepted, months may be written as names or their first three letters ("march", "Mar"), and
/// problems are reported in order: missing parts, then parts that cannot be right.
/// </summary>
public sealed class DateInputModel
{
    private static readonly string[] MonthNames = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames[..12];

    /// <summary>The day, as typed.</summary>
    public string? Day { get; set; }

    /// <summary>The month, as typed.</summary>
    public string? Month { get; set; }

    /// <summary>The year, as typed.</summary>
    public string? Year { get; set; }

    /// <summary>A date input showing <paramref name="date"/>.</summary>
    public static DateInputModel Of(DateOnly? date) => date is { } d
        ? new DateInputModel
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateInputModel();

    /// <summary>Whether every part was left empty.</summary>
    public bool IsEmpty => Blank(Day) && Blank(Month) && Blank(Year);

    /// <summary>What is wrong with the date as typed, or <see cref="DateProblemKind.None"/> with the parts empty when it is a real date.</summary>
    public DateProblem Check()
    {
        var missing = (Blank(Day) ? DateParts.Day : 0) | (Blank(Month) ? DateParts.Month : 0) | (Blank(Year) ? DateParts.Year : 0);
        if (missing == DateParts.All)
        {
            return new DateProblem(DateProblemKind.Empty, DateParts.All);
        }

        if (missing != DateParts.None)
        {
            return new DateProblem(DateProblemKind.Incomplete, missing);
        }

        var day = ReadNumber(Day);
        var month = ReadMonth(Month);
        var yearText = Year!.Trim();
        var year = ReadNumber(yearText);
        var wrong = (day is null or < 1 or > 31 ? DateParts.Day : 0)
            | (month is null ? DateParts.Month : 0)
            | (year is null || yearText.Length > 4 ? DateParts.Year : 0);
        if (wrong == DateParts.None && yearText.Length < 4)
        {
            return new DateProblem(DateProblemKind.YearNotFourDigits, DateParts.Year);
        }

        if (wrong != DateParts.None)
        {
            // One part wrong: show that part. Several: the guidance says to show the whole date.
            return new DateProblem(DateProblemKind.NotReal, IsSinglePart(wrong) ? wrong : DateParts.All);
        }

        return year < 1 || day > DateTime.DaysInMonth(year!.Value, month!.Value)
            ? new DateProblem(DateProblemKind.NotReal, DateParts.All)
            : new DateProblem(DateProblemKind.None, DateParts.None);
    }

    /// <summary>The date, when the parts make a real one.</summary>
    public DateOnly? ToDate() =>
        Check().Kind == DateProblemKind.None ? new DateOnly(ReadNumber(Year)!.Value, ReadMonth(Month)!.Value, ReadNumber(Day)!.Value) : null;

    private static bool Blank(string? part) => string.IsNullOrWhiteSpace(part);

    private static bool IsSinglePart(DateParts parts) => parts is DateParts.Day or DateParts.Month or DateParts.Year;

    private static int? ReadNumber(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= 9 && trimmed.All(char.IsAsciiDigit) ? int.Parse(trimmed, CultureInfo.InvariantCulture) : null;
    }

    private static int? ReadMonth(string? text)
    {
        if (ReadNumber(text) is { } number)
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        var name = text?.Trim() ?? string.Empty;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (string.Equals(name, MonthNames[i], StringComparison.OrdinalIgnoreCase)
                || (name.Length == 3 && MonthNames[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
                || (i == 8 && string.Equals(name, "Sept", StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return null;
    }
}
