using Commissioning.NhsUk.Forms;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>
/// The one rule for a date typed into a date input, with the messages the GOV.UK Design System
/// gives for date inputs (the NHS service manual's date input page defers to them): "Enter
/// [the date]" when nothing is typed, "[The date] must include a month" when a part is missing,
/// "Year must include 4 numbers", and "[The date] must be a real date". The date input shows the
/// parts at fault in error (<see cref="DateInputModel.Check"/>).
/// </summary>
public static class DateRules
{
    /// <summary>
    /// Checks a date input. <paramref name="whatItIs"/> names the date in lower case, as it reads
    /// after "Enter" (such as <c>the date the award notices were sent</c>); an empty date is an
    /// error only when <paramref name="required"/>.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, DateInputModel?> RealDate<T>(this IRuleBuilder<T, DateInputModel?> rule, string whatItIs, bool required)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Custom((date, context) =>
        {
            if (Message(date ?? new DateInputModel(), whatItIs, required) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }

    /// <summary>The message for a date as typed, or null when it is acceptable.</summary>
    public static string? Message(DateInputModel date, string whatItIs, bool required)
    {
        ArgumentNullException.ThrowIfNull(date);
        ArgumentException.ThrowIfNullOrWhiteSpace(whatItIs);
        var sentence = char.ToUpperInvariant(whatItIs[0]) + whatItIs[1..];
        var problem = date.Check();
        return problem.Kind switch
        {
            DateProblemKind.Empty => required ? $"Enter {whatItIs}" : null,
            DateProblemKind.Incomplete => $"{sentence} must include a {Missing(problem.Parts)}",
            DateProblemKind.YearNotFourDigits => "Year must include 4 numbers",
            DateProblemKind.NotReal => $"{sentence} must be a real date",
            _ => null,
        };
    }

    private static string Missing(DateParts parts)
    {
        var names = new List<string>(3);
        if (parts.HasFlag(DateParts.Day))
        {
            names.Add("day");
        }

        if (parts.HasFlag(DateParts.Month))
        {
            names.Add("month");
        }

        if (parts.HasFlag(DateParts.Year))
        {
            names.Add("year");
        }

        return string.Join(" and ", names);
    }
}
