using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary><c>standstill --regime &lt;pa2023|psr&gt; --published &lt;yyyy-mm-dd&gt;</c>, run in-process.</summary>
public sealed class StandstillCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void ProcurementAct_ChristmasEve2024_EndsOn8January_WithTheRuleAndItsCitation()
    {
        var (code, output, error) = Run("standstill", "--regime", "pa2023", "--published", "2024-12-24");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith("Standstill under the Procurement Act 2023"));
        Assert.That(output, Does.Contain("Last day of the standstill period:      Wednesday 8 January 2025"));
        Assert.That(output, Does.Contain("The contract may be entered into from:  Thursday 9 January 2025"));
        Assert.That(output, Does.Contain("Working days counted:                   Tue 24 Dec 2024, Fri 27 Dec 2024, Mon 30 Dec 2024, Tue 31 Dec 2024, Fri 3 Jan 2025, Mon 6 Jan 2025, Tue 7 Jan 2025, Wed 8 Jan 2025"));
        Assert.That(output, Does.Contain("Rule: 8 working days beginning with the day the contract award notice was published (Procurement Act 2023 s.51)"));
        Assert.That(output, Does.Contain("publish it by Friday 7 February 2025 (by Thursday 8 May 2025 for a light touch contract)"));
        Assert.That(output, Does.Contain("Note: the Procurement Act 2023 came into force on Monday 24 February 2025"));
        Assert.That(output, Does.Not.Contain("Representations"));
    }

    [Test]
    public void ProcurementAct_AfterCommencement_HasNoNote()
    {
        var (code, output, _) = Run("standstill", "--regime", "PA2023", "--published", "2026-03-02");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Last day of the standstill period:      Wednesday 11 March 2026").And.Not.Contain("Note:"));
    }

    [Test]
    public void ProviderSelectionRegime_PrintsTheRepresentationsDeadline()
    {
        var (code, output, error) = Run("standstill", "--published", "2026-03-02", "--regime", "psr");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith("Standstill under the Provider Selection Regime"));
        Assert.That(output, Does.Contain("The standstill period begins:            Tuesday 3 March 2026"));
        Assert.That(output, Does.Contain("Representations must arrive by:          midnight at the end of Friday 13 March 2026"));
        Assert.That(output, Does.Contain("The contract may be entered into from:   Saturday 14 March 2026, if no representations are made"));
        Assert.That(output, Does.Contain("reg. 12(2) and (3)").And.Contain("5 working days"));
    }

    [Test]
    public void Help_ShowsTheCommandsOwnHelp_AndExitsZero()
    {
        var (code, output, _) = Run("standstill", "--help");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("Usage: commissioning standstill --regime <pa2023|psr> --published <yyyy-mm-dd>"));
    }

    [Test]
    public void TheGeneralUsage_ListsTheCommand()
    {
        var (code, output, _) = Run("--help");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("standstill --regime <pa2023|psr> --published <yyyy-mm-dd>"));
    }

    [TestCase(new[] { "standstill", "--published", "2026-03-02" }, "Name the regime: --regime pa2023 (Procurement Act 2023) or --regime psr (Provider Selection Regime).")]
    [TestCase(new[] { "standstill", "--regime", "pcr2015", "--published", "2026-03-02" }, "Unknown regime 'pcr2015': use pa2023 (Procurement Act 2023) or psr (Provider Selection Regime).")]
    [TestCase(new[] { "standstill", "--regime", "psr" }, "Give the day the notice was published: --published yyyy-mm-dd, such as --published 2025-03-14.")]
    [TestCase(new[] { "standstill", "--regime", "psr", "--published", "2026-02-30" }, "'2026-02-30' is not a date written as yyyy-mm-dd, such as 2025-03-14.")]
    [TestCase(new[] { "standstill", "--regime", "psr", "--published", "02/03/2026" }, "'02/03/2026' is not a date written as yyyy-mm-dd, such as 2025-03-14.")]
    [TestCase(new[] { "standstill", "--regime", "psr", "--published", "2023-12-31" }, "The publication date must be from Monday 1 January 2024 (when the Provider Selection Regime began) to Thursday 31 December 2099.")]
    [TestCase(new[] { "standstill", "--regime", "psr", "--published" }, "The option --published needs a value.")]
    [TestCase(new[] { "standstill", "extra", "--regime", "psr", "--published", "2026-03-02" }, "Unknown command or wrong number of arguments: standstill extra --regime psr --published 2026-03-02")]
    public void UsageErrors_ExitTwo_WithAPlainMessageAndTheUsage(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith(message).And.Contain("Usage: commissioning <command>"));
    }
}
