using System.Globalization;
using Commissioning.Application;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;

namespace Commissioning.Cli;

/// <summary>
/// <c>standstill --regime &lt;pa2023|psr&gt; --published &lt;yyyy-mm-dd&gt;</c>: when the standstill
/// period ends and the contract may be entered into, with the rule and its citation
/// (docs/standstill.md).
/// </summary>
internal static class StandstillCommand
{
    public const string Help = """
        Usage: commissioning standstill --regime <pa2023|psr> --published <yyyy-mm-dd>

        Works out the standstill period for a notice published on the given day, and the first day
        the contract may be entered into.

          --regime pa2023     Procurement Act 2023: 8 working days beginning with the day the contract
                              award notice is published (s.51); no bank holiday in any part of the UK
                              is a working day (s.123).
          --regime psr        Provider Selection Regime (SI 2023/1348): the period begins the day after
                              the notice of intention to award is published; representations may be
                              made until midnight at the end of the 8th working day after that (reg. 12).
          --published         The day the notice was published, as yyyy-mm-dd (2024-01-01 to 2099-12-31).

        Exit codes: 0 success, 2 usage errors.
        """;

    private static readonly DateOnly Earliest = new(2024, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);
    private static readonly DateOnly ActInForce = new(2025, 2, 24);

    public static int Run(CommandContext context, string? regimeOption, string? publishedOption)
    {
        var regime = Regime(regimeOption);
        var published = Published(publishedOption);
        var holidays = BankHolidays.ForWorkingDays(regime);
        var period = Standstill.For(regime, published, holidays);
        var output = context.Output;

        if (regime == ProcurementRegime.ProcurementAct2023)
        {
            output.WriteLine("Standstill under the Procurement Act 2023");
            output.WriteLine($"  Contract award notice published:        {Day(period.NoticePublished)}");
            output.WriteLine($"  Working days counted:                   {string.Join(", ", period.WorkingDaysCounted.Select(Short))}");
            output.WriteLine($"  Last day of the standstill period:      {Day(period.LastDay)}");
            output.WriteLine($"  The contract may be entered into from:  {Day(period.ContractMayBeEnteredFrom)}");
            output.WriteLine($"  Contract details notice:                if the contract is entered into on {Day(period.ContractMayBeEnteredFrom)}, publish it by {Day(Standstill.ContractDetailsNoticeDue(period.ContractMayBeEnteredFrom))} (by {Day(Standstill.ContractDetailsNoticeDue(period.ContractMayBeEnteredFrom, lightTouchContract: true))} for a light touch contract)");
            output.WriteLine();
            output.WriteLine($"Rule: {period.Rule}");
            output.WriteLine($"Contract details notice: {Standstill.ContractDetailsNoticeRule}");
            if (published < ActInForce)
            {
                output.WriteLine($"Note: the Procurement Act 2023 came into force on {Day(ActInForce)}; this notice date is earlier, so this is what the Act's rule would give.");
            }
        }
        else
        {
            output.WriteLine("Standstill under the Provider Selection Regime");
            output.WriteLine($"  Notice of intention to award published:  {Day(period.NoticePublished)}");
            output.WriteLine($"  The standstill period begins:            {Day(period.Begins)}");
            output.WriteLine($"  Working days counted:                    {string.Join(", ", period.WorkingDaysCounted.Select(Short))}");
            output.WriteLine($"  Representations must arrive by:          midnight at the end of {Day(period.RepresentationsDeadline!.Value)}");
            output.WriteLine($"  Last day of the standstill period:       {Day(period.LastDay)}, if no representations are made");
            output.WriteLine($"  The contract may be entered into from:   {Day(period.ContractMayBeEnteredFrom)}, if no representations are made");
            output.WriteLine();
            output.WriteLine($"Rule: {period.Rule}");
            output.WriteLine($"If representations are made: {Standstill.AfterFurtherDecisionRule}");
        }

        return ExitCodes.Success;
    }

    private static ProcurementRegime Regime(string? option) => option?.Trim().ToUpperInvariant() switch
    {
        null => throw new UsageException("Name the regime: --regime pa2023 (Procurement Act 2023) or --regime psr (Provider Selection Regime)."),
        "PA2023" => ProcurementRegime.ProcurementAct2023,
        "PSR" => ProcurementRegime.ProviderSelectionRegime2023,
        _ => throw new UsageException($"Unknown regime '{option}': use pa2023 (Procurement Act 2023) or psr (Provider Selection Regime)."),
    };

    private static DateOnly Published(string? option)
    {
        if (option is null)
        {
            throw new UsageException("Give the day the notice was published: --published yyyy-mm-dd, such as --published 2025-03-14.");
        }

        if (!DateOnly.TryParseExact(option.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new UsageException($"'{option}' is not a date written as yyyy-mm-dd, such as 2025-03-14.");
        }

        return day >= Earliest && day <= Latest
            ? day
            : throw new UsageException($"The publication date must be from {Day(Earliest)} (when the Provider Selection Regime began) to {Day(Latest)}.");
    }

    /// <summary>"Wednesday 8 January 2025".</summary>
    private static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Wed 8 Jan 2025".</summary>
    private static string Short(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
