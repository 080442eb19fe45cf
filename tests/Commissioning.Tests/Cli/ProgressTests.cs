using Commissioning.Cli;
using Commissioning.Tests.Documents.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary>
/// Progress of the long exports and imports: shown on the error stream when it is a terminal, as
/// one status line rewritten in place and cleared at the end; never written when it is not (output
/// redirected to a file or a pipe). The terminal check is injected through <see cref="TerminalWriter"/>.
/// </summary>
public sealed class ProgressTests
{
    private static (int Code, string Output, string Error) Run(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, new TerminalWriter(error, isTerminal: terminal), Repository.Root);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Each long command, with the steps its progress must show.</summary>
    private static List<(string Name, string[] Args, string[] Steps)> Commands()
    {
        var folder = Directory.CreateTempSubdirectory("progress-").FullName;
        var tender = Path.Combine(folder, "ics-tender.json");
        File.Copy(Path.Combine(Repository.Root, "examples", "ics-tender.json"), tender);
        var filled = Path.Combine(folder, "bid.xlsx");
        File.WriteAllBytes(filled, ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-2", "bid-late")));
        return
        [
            ("export matrix", ["export", "matrix", tender, "-o", Path.Combine(folder, "matrix.xlsx")],
                ["Writing the matrix: Reading the tender...", "Writing the matrix: Evaluating...", "Writing the matrix: Summary...", "Writing the matrix: L2 Moderation...", "Writing the matrix: Provenance...", "Writing the matrix: Saving..."]),
            ("export response-workbook", ["export", "response-workbook", tender, "--lot", "lot-1", "-o", Path.Combine(folder, "lot-1.xlsx")],
                ["Writing the response workbook: Laying out lot lot-1...", "Writing the response workbook: Saving..."]),
            ("import response-workbook", ["import", "response-workbook", tender, filled, "-o", Path.Combine(folder, "with-bid.json")],
                ["Importing the workbook: Checking the file...", "Importing the workbook: Opening the workbook...", "Importing the workbook: Checking the bid against the tender's rules..."]),
        ];
    }

    [Test]
    public void LongCommands_ErrorIsATerminal_ShowEachStepOnOneLineThenClearIt()
    {
        var checkedCommands = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, args, steps) in Commands())
            {
                var (code, output, error) = Run(terminal: true, args);

                Assert.That(code, Is.EqualTo(0), $"{name}: {output}{error}");
                foreach (var step in steps)
                {
                    Assert.That(error, Does.Contain("\r" + step), name);
                }

                Assert.That(error, Does.Not.Contain("\n"), $"{name}: progress is one line, rewritten in place");
                Assert.That(error.TrimEnd(' '), Does.EndWith("\r"), $"{name}: the status line is cleared at the end");
                Assert.That(error.Replace("\r", string.Empty, StringComparison.Ordinal).Trim(), Is.Not.Empty, name);
                Assert.That(output, Does.Not.Contain("\r").And.Not.Contain("..."), $"{name}: the result on standard output has no progress in it");
                checkedCommands++;
            }
        });

        Assert.That(checkedCommands, Is.EqualTo(3));
    }

    [Test]
    public void LongCommands_ErrorIsRedirected_WriteNoProgress()
    {
        var checkedCommands = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, args, _) in Commands())
            {
                var (code, output, error) = Run(terminal: false, args);

                Assert.That(code, Is.EqualTo(0), $"{name}: {output}{error}");
                Assert.That(error, Is.Empty, name);
                Assert.That(output, Does.Not.Contain("\r"), name);
                checkedCommands++;
            }
        });

        Assert.That(checkedCommands, Is.EqualTo(3));
    }

    [Test]
    public void Status_TextWithControlCharacters_IsEscaped_AndALongerLineBeforeIsCovered()
    {
        using var inner = new StringWriter();
        var writer = new TerminalWriter(inner, isTerminal: true);

        writer.Status("Writing the matrix: a longer step...");
        writer.Status("Sheet\u001B[2J\n");
        writer.EndStatus();
        writer.EndStatus();

        var longer = "Writing the matrix: a longer step...";
        var escaped = "Sheet\\u001B[2J\\n";
        Assert.That(inner.ToString(), Is.EqualTo("\r" + longer + "\r" + escaped.PadRight(longer.Length) + "\r" + new string(' ', longer.Length) + "\r"));
    }

    [Test]
    public void IsTerminal_AWriterThatIsNotTheConsole_IsNotATerminal()
    {
        using var inner = new StringWriter();

        Assert.That(TerminalWriter.Wrap(inner).IsTerminal, Is.False);
    }
}
